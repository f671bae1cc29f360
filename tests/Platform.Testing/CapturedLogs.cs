using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>Every log line of a run (AppHost and forwarded resource consoles), for tests that assert what it said.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _lines = new();

    public IEnumerable<(string Category, string Message)> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((category, formatter(state, exception)));
            }
        }
    }
}
