using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OrderActors.Abstractions.AfterSales;
using OrderActors.ReturnReasons;
using OrderActors.Silo.Projections;

namespace OrderActors.Silo.AfterSales;

/// <summary>What GET /return-reasons shows of the model in use.</summary>
public sealed record ReasonModelInfo(string Version, DateTimeOffset TrainedAt, int TrainExamples, int Corrections, long TrainMilliseconds, EvaluationReport Evaluation);

/// <summary>
/// The return-reason classifier the hub uses. It starts from the shipped labelled train split; operators' corrections
/// (RMAs whose reason a person set, durable in <c>rma_summaries</c>) are added and the model re-trained in the
/// background — on a correction, and every <see cref="CheckPeriod"/> for those made on other silos. Training is
/// deterministic, so every silo with the same corrections has the same model and version (<c>r{corrections}-{hash}</c>).
/// Each new model is measured on the held-out test split, logged and recorded in <c>return_reason_models</c>.
/// </summary>
public sealed partial class ReasonModels(IRmaProjection projection, IServiceProvider services, TimeProvider time, ILogger<ReasonModels> logger)
    : BackgroundService, IReasonClassifier
{
    private static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(30);

    private readonly Lazy<(ReasonModel Model, ReasonModelInfo Info)> _base = new(() => TrainBase(time));
    private readonly SemaphoreSlim _corrected = new(0, 1);
    private volatile Trained? _current;

    private sealed record Trained(ReasonModel Model, ReasonModelInfo Info);

    /// <summary>The model in use and how it measured.</summary>
    public ReasonModelInfo Info => _current?.Info ?? _base.Value.Info;

    public IReadOnlyList<string> Codes => ReasonCodes.All;

    public ReasonGuess Classify(string text)
    {
        ReasonModel model = _current?.Model ?? _base.Value.Model;
        ReasonPrediction prediction = model.Classify(text);
        return new ReasonGuess(prediction.ReasonCode, prediction.Confidence, prediction.ModelVersion);
    }

    /// <summary>A person corrected a reason here: re-train soon instead of at the next check.</summary>
    public void CorrectionArrived()
    {
        if (_corrected.CurrentCount == 0)
        {
            try
            {
                _corrected.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string trainedOn = "";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<ReasonCorrection> corrections = await projection.CorrectionsAsync();
                string fingerprint = Fingerprint(corrections);
                if (fingerprint != trainedOn)
                {
                    Trained trained = corrections.Count == 0 ? new Trained(_base.Value.Model, _base.Value.Info) : Train(corrections, fingerprint);
                    _current = trained;
                    trainedOn = fingerprint;
                    LogTrained(trained.Info.Version, trained.Info.TrainExamples, trained.Info.Corrections, trained.Info.TrainMilliseconds,
                        trained.Info.Evaluation.Accuracy, trained.Info.Evaluation.Count);
                    await RecordAsync(trained.Info, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogTrainingFailed(ex);
            }
            try
            {
                await _corrected.WaitAsync(CheckPeriod, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Trained Train(IReadOnlyList<ReasonCorrection> corrections, string fingerprint)
    {
        var stopwatch = Stopwatch.StartNew();
        ReasonDataSet data = ReasonDataSet.Load();
        string version = $"r{corrections.Count}-{fingerprint[..6]}";
        ReasonModel model = ReasonTrainer.Train(corrections.Select(c => new LabelledReason(c.Text, c.ReasonCode)), version);
        stopwatch.Stop();
        EvaluationReport evaluation = ReasonEvaluation.Evaluate(model, data.Test);
        return new Trained(model, new ReasonModelInfo(version, time.GetUtcNow(), data.Train.Count + corrections.Count, corrections.Count,
            stopwatch.ElapsedMilliseconds, evaluation));
    }

    private static (ReasonModel, ReasonModelInfo) TrainBase(TimeProvider time)
    {
        var stopwatch = Stopwatch.StartNew();
        ReasonDataSet data = ReasonDataSet.Load();
        ReasonModel model = ReasonTrainer.Train([], "r0");
        stopwatch.Stop();
        return (model, new ReasonModelInfo("r0", time.GetUtcNow(), data.Train.Count, 0, stopwatch.ElapsedMilliseconds,
            ReasonEvaluation.Evaluate(model, data.Test)));
    }

    private static string Fingerprint(IReadOnlyList<ReasonCorrection> corrections)
    {
        var text = new StringBuilder();
        foreach (ReasonCorrection c in corrections)
        {
            text.Append(c.Tenant).Append('\u001f').Append(c.RmaId).Append('\u001f').Append(c.ReasonCode).Append('\u001f').Append(c.Text).Append('\u001e');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Records the model in <c>return_reason_models</c> (PostgreSQL storage only; once per version).</summary>
    private async Task RecordAsync(ReasonModelInfo info, CancellationToken cancellationToken)
    {
        if (services.GetService<NpgsqlDataSource>() is not { } dataSource)
        {
            return;
        }
        await using NpgsqlCommand command = dataSource.CreateCommand("""
            INSERT INTO return_reason_models (version, trained_at, train_examples, corrections, accuracy, test_count, train_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (version) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = info.Version });
        command.Parameters.Add(new() { Value = info.TrainedAt });
        command.Parameters.Add(new() { Value = info.TrainExamples });
        command.Parameters.Add(new() { Value = info.Corrections });
        command.Parameters.Add(new() { Value = info.Evaluation.Accuracy });
        command.Parameters.Add(new() { Value = info.Evaluation.Count });
        command.Parameters.Add(new() { Value = info.TrainMilliseconds });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Return-reason model {Version} trained on {Examples} examples ({Corrections} operator corrections) in {Milliseconds} ms; held-out accuracy {Accuracy:P1} on {TestCount}")]
    private partial void LogTrained(string version, int examples, int corrections, long milliseconds, double accuracy, int testCount);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Return-reason model could not be re-trained; the one in use stays")]
    private partial void LogTrainingFailed(Exception exception);
}
