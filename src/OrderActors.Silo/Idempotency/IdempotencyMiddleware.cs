using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api;

namespace OrderActors.Silo.Idempotency;

/// <summary>
/// Honours the Idempotency-Key header on POST and PUT: the first request with a key runs and its
/// response is kept; a repeat with the same method, path and body gets that response again without
/// running; the same key on a different request is 422, and while the first is still running, 409.
/// A failed request (5xx) releases its key so that the retry runs. It sits outside the exception
/// handler, so what it keeps is the final response, problem details included. Keys are scoped to the tenant and the
/// principal: another credential's key is never replayed to this one. A call without a principal (sign-in) keeps none.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, IProblemDetailsService problems)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        string? key = context.Request.Headers[Header].FirstOrDefault();
        HubPrincipal? principal = HubPrincipal.Of(context.User);
        if (key is null || principal is null || !(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)))
        {
            await next(context);
            return;
        }
        if (key.Length is 0 or > MaxKeyLength)
        {
            await ValidationProblemAsync(context, new Dictionary<string, string[]>
            {
                [Header] = [$"An idempotency key is 1–{MaxKeyLength} characters; this one is {key.Length}."],
            });
            return;
        }
        string tenant;
        try
        {
            tenant = Tenancy.Of(context);
        }
        catch (RequestValidationException invalid)
        {
            await ValidationProblemAsync(context, invalid.Errors);
            return;
        }
        catch (TenantForbiddenException forbidden)
        {
            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message);
            return;
        }
        string scope = $"{tenant}:{principal.Name}:{key}";
        Claim claim = await store.ClaimAsync(scope, await HashAsync(context.Request));
        switch (claim.Outcome)
        {
            case ClaimOutcome.Replay:
                await ReplayAsync(context, claim.Response!);
                return;
            case ClaimOutcome.InProgress:
                await context.WriteProblemAsync(StatusCodes.Status409Conflict, "Request in progress", $"A request with idempotency key '{key}' is still running.");
                return;
            case ClaimOutcome.Mismatch:
                await context.WriteProblemAsync(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                    $"Idempotency key '{key}' was used for a different request.");
                return;
        }
        await RunAndKeepAsync(context, scope);
    }

    private async Task RunAndKeepAsync(HttpContext context, string scope)
    {
        Stream original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await store.ReleaseAsync(scope);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
        byte[] body = captured.ToArray();
        if (context.Response.StatusCode >= 500)
        {
            await store.ReleaseAsync(scope);
        }
        else
        {
            await store.CompleteAsync(scope, new StoredResponse(context.Response.StatusCode, context.Response.ContentType, body));
        }
        await original.WriteAsync(body);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers["Idempotent-Replay"] = "true";
        await context.Response.Body.WriteAsync(response.Body);
    }

    /// <summary>A refused header is a 400 with field errors, like every other invalid request.</summary>
    private Task ValidationProblemAsync(HttpContext context, IReadOnlyDictionary<string, string[]> errors)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid request",
                Detail = "One or more fields are invalid.",
            },
        }).AsTask();
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        byte[] buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
