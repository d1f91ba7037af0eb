using System.Globalization;
using OrderActors.Abstractions.Channels;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>Channel pulls: a catch-up's progress and summary, and every channel's pull status.</summary>
public static class PullViews
{
    /// <summary>One line of progress: "r3 Running 拉取中 · slice 2/5 · 7 pages · 640 orders (12 new, 628 duplicates, 3 updated, 0 held, 0 errors)".</summary>
    public static string Progress(PullRun run) =>
        $"{run.RunId} {State(run.State).Text} · slice {run.SlicesDone}/{run.Slices} · {Labels.Number(run.Pages)} pages · "
        + $"{Labels.Number(run.Fetched)} orders ({Labels.Number(run.New)} new, {Labels.Number(run.Duplicates)} duplicates, "
        + $"{Labels.Number(run.Updated)} updated, "
        + $"{Labels.Number(run.Held)} held, {Labels.Number(run.ErrorCount)} errors)";

    public static void Summary(IOutput output, PullRun run)
    {
        output.Fields(
        [
            new("Run 批次", run.RunId),
            new("State 状态", State(run.State)),
            new("Window 时间窗", $"{Labels.Time(run.From)} – {Labels.Time(run.To)}"),
            new("Started 开始", Labels.Time(run.StartedAt)),
            new("Finished 结束", Labels.Time(run.FinishedAt)),
            new("Slices 分段", $"{Labels.Number(run.SlicesDone)}/{Labels.Number(run.Slices)}"),
            new("Pages 页数", Labels.Number(run.Pages)),
            new("Fetched 拉到", Labels.Number(run.Fetched)),
            new("New 新增", new Cell(Labels.Number(run.New), run.New > 0 ? Tone.Good : Tone.Normal)),
            new("Duplicates 重复", Labels.Number(run.Duplicates)),
            new("Updated 补状态", new Cell(Labels.Number(run.Updated), run.Updated > 0 ? Tone.Warning : Tone.Normal)),
            new("Held 挂起", new Cell(Labels.Number(run.Held), run.Held > 0 ? Tone.Warning : Tone.Normal)),
            new("Rejected 无法解析", new Cell(Labels.Number(run.Rejected), run.Rejected > 0 ? Tone.Bad : Tone.Normal)),
            new("Errors 错误", new Cell(Labels.Number(run.ErrorCount), run.ErrorCount > 0 ? Tone.Bad : Tone.Normal)),
        ]);
        foreach (PullError error in run.Errors)
        {
            output.Line($"{Labels.Time(error.At)}  {error.Message}", Tone.Bad);
        }
        if (run.ErrorCount > run.Errors.Count)
        {
            output.Line($"… and {Labels.Number(run.ErrorCount - run.Errors.Count)} more errors (only the first {run.Errors.Count} are kept)", Tone.Muted);
        }
    }

    public static void List(IOutput output, IReadOnlyList<ChannelPull> pulls)
    {
        output.Table(new TableView(
            ["Channel", "Pull 拉单", "Cursor 游标", "Last run 上次", "State 状态", "Fetched 拉到", "New 新增", "Duplicates 重复", "Errors 错误"],
            pulls.Select(p => Row(p)).ToList()));
        foreach (ChannelPull pull in pulls.Where(p => p.Configured && LastRun(p)?.Errors.LastOrDefault() is not null))
        {
            output.Line($"{pull.Channel}: {LastRun(pull)!.Errors[^1].Message}", Tone.Bad);
        }
    }

    private static IReadOnlyList<Cell> Row(ChannelPull pull)
    {
        if (!pull.Configured)
        {
            return [pull.Channel, new Cell("not configured 未配置", Tone.Muted), "", "", "", "", "", "", ""];
        }
        Cell schedule = pull.Scheduled
            ? new Cell(string.Create(CultureInfo.InvariantCulture, $"every {pull.Interval:c}"), Tone.Good)
            : new Cell("catch-up only 仅补拉", Tone.Muted);
        if (LastRun(pull) is not { } run)
        {
            return [pull.Channel, schedule, Labels.Time(pull.Cursor), "never 未运行", "", "", "", "", ""];
        }
        return
        [
            pull.Channel, schedule, Labels.Time(pull.Cursor), $"{Labels.Time(run.FinishedAt ?? run.StartedAt)} {run.Kind}", State(run.State),
            Labels.Number(run.Fetched), Labels.Number(run.New), Labels.Number(run.Duplicates),
            new Cell(Labels.Number(run.ErrorCount), run.ErrorCount > 0 ? Tone.Bad : Tone.Normal),
        ];
    }

    private static PullRun? LastRun(ChannelPull pull) => new[] { pull.Running, pull.LastScheduled, pull.LastCatchUp }.OfType<PullRun>().MaxBy(r => r.StartedAt);

    public static Cell State(PullRunState state) => state switch
    {
        PullRunState.Running => new Cell("Running 拉取中"),
        PullRunState.Succeeded => new Cell("Succeeded 成功", Tone.Good),
        PullRunState.Failed => new Cell("Failed 失败", Tone.Bad),
        PullRunState.Interrupted => new Cell("Interrupted 中断", Tone.Warning),
        _ => new Cell(state.ToString()),
    };
}
