using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrderActors.Abstractions.Errors;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrderActors.Silo.Api;

/// <summary>
/// Turns what went wrong into RFC 7807 problem details: bad input 400, always with field errors (binding failures
/// included, see <see cref="BindingErrors"/>), a body over the size limit 413, unknown 404,
/// illegal transition 409 naming the current status, a conflicting concurrent write 409, an unreachable or
/// overloaded cluster 503/504. Anything else is a 500 whose details stay in the log.
/// </summary>
public sealed partial class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            RequestValidationException v => Validation(v.Errors),
            CommandValidationException c => Validation(new Dictionary<string, string[]> { [c.Field ?? "request"] = [c.Message] }),
            BadHttpRequestException { InnerException: JsonException json } => Validation(BindingErrors.Of(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => Validation(BindingErrors.Of(bad)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad => Problem(bad.StatusCode, "Payload too large", bad.Message),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
            TenantForbiddenException f => Problem(StatusCodes.Status403Forbidden, "Forbidden", f.Message),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found", n.Message),
            IllegalTransitionException t => WithStatus(Problem(StatusCodes.Status409Conflict, "Illegal transition", t.Message), t.CurrentStatus),
            ConflictException c => Problem(StatusCodes.Status409Conflict, "Conflict", c.Message),
            InconsistentStateException => Problem(StatusCodes.Status409Conflict, "Concurrent update", "Another update of the same object won; read it again and retry."),
            StateNotStoredException n => Problem(StatusCodes.Status503ServiceUnavailable, "Not stored", n.Message),
            SiloUnavailableException s => Problem(StatusCodes.Status503ServiceUnavailable, "Cluster unavailable", s.Message),
            OrleansMessageRejectionException r => Problem(StatusCodes.Status503ServiceUnavailable, "Cluster unavailable", r.Message),
            TimeoutException t => Problem(StatusCodes.Status504GatewayTimeout, "Timed out", t.Message),
            _ => Problem(StatusCodes.Status500InternalServerError, "Internal error", "The error was logged."),
        };
        if (problem.Status >= 500)
        {
            LogFailure(exception, context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = "One or more fields are invalid.",
        };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithStatus(ProblemDetails problem, string? currentStatus)
    {
        problem.Extensions["currentStatus"] = currentStatus;
        return problem;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogFailure(Exception exception, string method, string path);
}
