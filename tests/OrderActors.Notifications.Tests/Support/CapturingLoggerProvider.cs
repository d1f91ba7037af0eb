using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications.Tests.Support;

/// <summary>One log call: its category, level, event, formatted message, structured values and exception.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, string? Exception)
{
    /// <summary>Everything this entry would put anywhere a sink could show it.</summary>
    public string Everything => string.Join(" | ", [Category, Message, .. Values.Select(v => $"{v.Key}={v.Value}"), Exception ?? ""]);
}

/// <summary>Collects every log call of every category at every level, for tests that read what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            IReadOnlyList<KeyValuePair<string, object?>> values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values.ToArray(), exception?.ToString()));
        }
    }
}
