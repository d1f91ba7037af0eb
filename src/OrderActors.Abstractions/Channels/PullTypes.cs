using OrderActors.Abstractions.Orders;
using Orleans;

namespace OrderActors.Abstractions.Channels;

/// <summary>What started a pull run.</summary>
[GenerateSerializer, Alias("oa.PullRunKind")]
public enum PullRunKind
{
    /// <summary>The reminder: the window from the cursor (less the overlap) to now; it moves the cursor.</summary>
    Scheduled,
    /// <summary>An operator's window; it never moves the cursor.</summary>
    CatchUp,
}

/// <summary>Where a pull run stands.</summary>
[GenerateSerializer, Alias("oa.PullRunState")]
public enum PullRunState
{
    Running,
    /// <summary>Every page of the window was read and every order handed to intake.</summary>
    Succeeded,
    /// <summary>A page failed; the run stopped there (a scheduled run leaves the cursor at the last whole slice).</summary>
    Failed,
    /// <summary>The silo stopped during the run.</summary>
    Interrupted,
}

/// <summary>One problem a run met: a page the platform refused or an order that could not be read.</summary>
[GenerateSerializer, Immutable, Alias("oa.PullError")]
public sealed record PullError(DateTimeOffset At, string Message);

/// <summary>
/// One pull run and its progress: the window, cut into slices the platform's list accepts, the pages read, and
/// what intake made of the orders (new, duplicates — pushed before or read twice through the overlap — held, and
/// rejected ones that did not read). <see cref="Errors"/> keeps the first few; <see cref="ErrorCount"/> counts all.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.PullRun")]
public sealed record PullRun(
    string RunId, PullRunKind Kind, PullRunState State, DateTimeOffset From, DateTimeOffset To, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, string RequestedBy, int Slices, int SlicesDone, int Pages, int Fetched, int New, int Duplicates,
    int Held, int Rejected, int ErrorCount, IReadOnlyList<PullError> Errors, int Updated = 0);

/// <summary>
/// A channel's pull for one tenant. <see cref="Configured"/> is false (with the missing setting in
/// <see cref="NotConfigured"/>) until a base URL and the shop's credentials are set; <see cref="Scheduled"/> says whether
/// the reminder runs. <see cref="Cursor"/> is the end of the last fully pulled scheduled window.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.PullStatus")]
public sealed record PullStatus(
    Channel Channel, bool Configured, string? NotConfigured, bool Scheduled, TimeSpan Interval, TimeSpan Overlap,
    DateTimeOffset? Cursor, PullRun? Running, PullRun? LastScheduled, PullRun? LastCatchUp);
