using System.CommandLine;
using OrderActors.Abstractions.Channels;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>channel pull | pulls</c>: catch-ups of a channel's orders (补拉) and every channel's pull status.</summary>
public static class ChannelCommands
{
    /// <summary>How often a catch-up's progress is read while it runs.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public static Command Create(CommandScope scope)
    {
        var group = new Command("channel", "Sales channels: pulling their orders (拉单).");
        group.Subcommands.Add(Pull(scope));
        group.Subcommands.Add(Pulls(scope));
        return group;
    }

    private static Command Pull(CommandScope scope)
    {
        var channel = new Argument<string>("CHANNEL") { Description = "taobao, jd, pdd, douyin, meituan or miniapp." };
        var from = new Option<DateTimeOffset>("--from")
        {
            Description = "Start of the modified-time window, ISO 8601 (2026-01-20T08:00:00+08:00; without an offset: this machine's zone).",
            HelpName = "TIME",
            Required = true,
        };
        var to = new Option<DateTimeOffset?>("--to") { Description = "End of the window (default: now).", HelpName = "TIME" };
        var command = new Command("pull", "Pull again every order the channel modified in a window (a catch-up after lost pushes); prints progress until it is done, exit code 1 if it failed.")
        {
            channel, from, to,
        };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string path = $"/api/v1/channels/{HubClient.Segment(context.Value(channel))}/pull";
            var window = new { from = context.Value(from), to = context.Value(to) ?? DateTimeOffset.Now };
            PullRun run = (await context.Hub.PostAsync(path, window, cancellationToken)).Read<PullRun>();
            HubResponse response = await WaitAsync(context, $"{path}/runs/{HubClient.Segment(run.RunId)}", cancellationToken);
            PullRun finished = response.Read<PullRun>();
            context.Show(response, finished, PullViews.Summary);
            return finished.State == PullRunState.Succeeded ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }, change);
        return command;
    }

    private static Command Pulls(CommandScope scope)
    {
        var command = new Command("pulls", "Every channel's pull: configured or not, schedule, cursor, and the last run's counts and errors.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<List<ChannelPull>>(await context.Hub.GetAsync("/api/v1/channels/pulls", cancellationToken), PullViews.List));
        return command;
    }

    /// <summary>Reads the run until it is no longer running, showing its progress (one rewritten line on a terminal).</summary>
    private static async Task<HubResponse> WaitAsync(CommandContext context, string runPath, CancellationToken cancellationToken)
    {
        TextWriter progress = context.Json ? TextWriter.Null : context.Console.Output;
        string shown = "";
        while (true)
        {
            HubResponse response = await context.Hub.GetAsync(runPath, cancellationToken);
            PullRun run = response.Read<PullRun>();
            string line = PullViews.Progress(run);
            if (line != shown)
            {
                if (context.Console.Terminal)
                {
                    progress.Write($"\r{line.PadRight(shown.Length)}");
                }
                else
                {
                    progress.WriteLine(line);
                }
                shown = line;
            }
            if (run.State != PullRunState.Running)
            {
                if (context.Console.Terminal)
                {
                    progress.WriteLine();
                }
                return response;
            }
            await Task.Delay(PollEvery, cancellationToken);
        }
    }
}
