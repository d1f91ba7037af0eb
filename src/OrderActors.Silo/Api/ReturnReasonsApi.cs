using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.AfterSales;
using OrderActors.ReturnReasons;
using OrderActors.Silo.Access;
using OrderActors.Silo.AfterSales;
using OrderActors.Silo.Api.Contracts;
using OrderActors.Silo.Projections;

namespace OrderActors.Silo.Api;

/// <summary>The return-reason pool, how often each reason occurs, and the classifier: its version and held-out accuracy.</summary>
public static class ReturnReasonsApi
{
    private const int MaxText = 2000;

    public static RouteGroupBuilder MapReturnReasonsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/return-reasons").WithTags("Returns");
        group.MapGet("", GetAsync).RequireAuthorization(Permissions.ReturnsRead);
        group.MapPost("/classify", Classify).RequireAuthorization(Permissions.ReturnsRead);
        return group;
    }

    /// <summary>The pool with this tenant's counts (0 without PostgreSQL), and the model in use with its measured accuracy and confusion table.</summary>
    public static async Task<Ok<ReturnReasonsResponse>> GetAsync(HttpContext context, IRmaProjection projection, ReasonModels models)
    {
        IReadOnlyDictionary<string, long> counts;
        try
        {
            counts = (await projection.CountsAsync(Tenancy.Of(context))).ByReason;
        }
        catch (ProjectionUnavailableException)
        {
            counts = new Dictionary<string, long>();
        }
        ReasonModelInfo info = models.Info;
        return TypedResults.Ok(new ReturnReasonsResponse(
            ReasonCodes.All.Select(code => new ReasonCount(code, counts.GetValueOrDefault(code))).ToList(),
            new ReasonModelResponse(info.Version, info.TrainedAt, info.TrainExamples, info.Corrections, info.TrainMilliseconds),
            new ReasonEvaluationResponse(info.Evaluation.Accuracy, info.Evaluation.Count, info.Evaluation.Confusion)));
    }

    public static Ok<ClassifyResponse> Classify(ClassifyRequest body, ReasonModels models)
    {
        var check = new RequestCheck();
        string text = check.Required("text", body.Text);
        check.MaxLength("text", text, MaxText);
        check.ThrowIfAny();
        ReasonGuess guess = models.Classify(text);
        return TypedResults.Ok(new ClassifyResponse(guess.ReasonCode, Math.Round(guess.Confidence, 4), guess.ModelVersion));
    }
}

public sealed record ReturnReasonsResponse(IReadOnlyList<ReasonCount> Codes, ReasonModelResponse Model, ReasonEvaluationResponse Evaluation);

public sealed record ReasonCount(string Code, long Count);

public sealed record ReasonModelResponse(string Version, DateTimeOffset TrainedAt, int TrainExamples, int Corrections, long TrainMilliseconds);

public sealed record ReasonEvaluationResponse(double Accuracy, int TestCount, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion);
