using System.Diagnostics;

namespace OrderActors.Silo.TestHost.Processes;

/// <summary>
/// One silo as its own OS process (<c>dotnet OrderActors.Silo.dll --Key=value …</c>), its stdout and stderr
/// written line by line to a log file, the last lines kept for failure messages. <see cref="Kill"/> is SIGKILL:
/// no shutdown hook, no leaving the cluster, no activation gets to finish its turn. Where coreutils' timeout
/// exists the silo runs under it, so even a test host that is itself killed leaves no silo running for long.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private const int TailLines = 40;
    private const string TimeoutTool = "/usr/bin/timeout";

    /// <summary>The longest a silo process may live, whatever happens to the test that started it.</summary>
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly object _gate = new();
    private bool _closed;

    private SiloProcess(int index, string name, SiloPorts ports, Process process, StreamWriter log, string logPath)
    {
        Index = index;
        Name = name;
        Ports = ports;
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseAddress = new Uri($"http://127.0.0.1:{ports.Http}");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(45) };
    }

    public int Index { get; }

    public string Name { get; }

    public SiloPorts Ports { get; }

    public Uri BaseAddress { get; }

    /// <summary>An HTTP client pointed at this silo's facade.</summary>
    public HttpClient Http { get; }

    public string LogPath { get; }

    /// <summary>When the test killed it (UTC), or null while it runs.</summary>
    public DateTime? KilledAt { get; private set; }

    public bool HasExited => _process.HasExited;

    public static SiloProcess Start(int index, string name, SiloPorts ports, IReadOnlyDictionary<string, string> settings, string logPath)
    {
        bool capped = File.Exists(TimeoutTool);
        var start = new ProcessStartInfo(capped ? TimeoutTool : DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (capped)
        {
            start.ArgumentList.Add("--signal=KILL");
            start.ArgumentList.Add($"{(int)MaxLifetime.TotalSeconds}s");
            start.ArgumentList.Add(DotnetHost());
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OrderActors.Silo.dll"));
        foreach (string argument in SiloProcessSettings.AsArguments(settings))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (string inherited in start.Environment.Keys.Where(k => k.StartsWith("OA_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        log.WriteLine($"# {name}: ports http {ports.Http}, silo {ports.Silo}, gateway {ports.Gateway}; started {DateTime.UtcNow:HH:mm:ss.fff} UTC");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(index, name, ports, process, log, logPath);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Makes <see cref="Http"/> send <paramref name="token"/> as its bearer credential.</summary>
    public void UseCredential(string token) =>
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

    /// <summary>Waits until /readyz answers 200 (storage reachable, an active member of the cluster).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        DateTime deadline = DateTime.UtcNow + within;
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.\n{Tail()}");
            }
            try
            {
                using HttpResponseMessage response = await probe.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    Note($"ready after {(DateTime.UtcNow - _process.StartTime.ToUniversalTime()).TotalSeconds:F1} s");
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready within {within.TotalSeconds:F0} s.\n{Tail()}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL of the process and anything it started (the silo itself, under timeout); returns once it is gone.</summary>
    public void Kill()
    {
        if (_process.HasExited)
        {
            return;
        }
        KilledAt = DateTime.UtcNow;
        Note("SIGKILL sent by the test");
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException($"{Name} (pid {_process.Id}) did not die within 10 s of SIGKILL.");
        }
    }

    /// <summary>The last lines the silo wrote, headed by its name and log file.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            return $"--- {Name} (pid {_process.Id}{(KilledAt is null ? "" : ", killed")}), last {_tail.Count} lines of {LogPath}:\n"
                + string.Join('\n', _tail);
        }
    }

    /// <summary>A line of the test's own in the silo's log (when it was killed, when it was ready).</summary>
    public void Note(string text) => Append($"# test, {DateTime.UtcNow:HH:mm:ss.fff} UTC: {text}");

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    /// <summary>The dotnet host running these tests (DOTNET_HOST_PATH under dotnet test), else dotnet on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }
        Http.Dispose();
        _process.Dispose();
    }
}
