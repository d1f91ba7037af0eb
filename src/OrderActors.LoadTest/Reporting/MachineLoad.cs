namespace OrderActors.LoadTest.Reporting;

/// <summary>
/// The machine's load averages (1, 5 and 15 minutes, from /proc/loadavg) when the run started and ended: on a
/// machine shared with builds and other tests they say how much of the timing noise came from elsewhere.
/// </summary>
public static class MachineLoad
{
    /// <summary>"1m 5m 15m", or null where /proc/loadavg cannot be read.</summary>
    public static string? Read()
    {
        try
        {
            string[] fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 3 ? string.Join(' ', fields.Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
