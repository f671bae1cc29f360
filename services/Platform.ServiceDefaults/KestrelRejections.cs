using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Platform.ServiceDefaults;

/// <summary>
/// Kestrel answers what it cannot parse (a raw NUL or a space in the URL, a URL or headers over its limits, a
/// malformed header) itself, before any middleware, with an empty body and no hook to change it. This connection
/// middleware gives those answers the problem details every other refusal has: on HTTP/1.x connections it holds back
/// a response head with a 4xx/5xx status that closes the connection, and when it is one of Kestrel's own (no body, no
/// content type) writes an RFC 9457 document after it. Every other response passes through untouched:
/// only the first write after each flush is looked at.
/// </summary>
public static class KestrelRejections
{
    public static void Use(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => connection =>
        {
            if (listen.Protocols != HttpProtocols.Http2)
            {
                connection.Transport = new Transport(connection.Transport);
            }

            return next(connection);
        });
    }

    /// <summary>The problem document for a status Kestrel refused a request with, or null for one it does not describe.</summary>
    public static byte[]? ProblemFor(int status)
    {
        var (title, field) = status switch
        {
            400 => ("The request is not valid HTTP: a character that cannot appear in a URL or a header (NUL, space, control), or a malformed header.", "request"),
            408 => ("The request took too long to arrive.", "request"),
            413 => ("The request body is too large.", "body"),
            414 => ("The URL is too long.", "url"),
            431 => ("The request headers are too large.", "headers"),
            _ => ((string?)null, (string?)null),
        };
        if (title is null)
        {
            return null;
        }

        return JsonSerializer.SerializeToUtf8Bytes(
            ProblemDetailsDefaults.Problem(status, title, new Dictionary<string, string[]> { [field!] = [title] }), JsonSerializerOptions.Web);
    }

    /// <summary>The same head and a problem body, if <paramref name="head"/> is one of Kestrel's own empty refusals.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> head)
    {
        var end = head.IndexOf("\r\n\r\n"u8);
        if (end < 0 || end + 4 != head.Length || head.Length < 12)
        {
            return null; // not exactly one head: a body follows, or more than a head was written
        }

        var text = Encoding.ASCII.GetString(head[..end]);
        if (!int.TryParse(text.AsSpan(9, 3), out var status)
            || !text.Contains("\r\nContent-Length: 0", StringComparison.OrdinalIgnoreCase)
            || !text.Contains("\r\nConnection: close", StringComparison.OrdinalIgnoreCase)
            || text.Contains("\r\nContent-Type:", StringComparison.OrdinalIgnoreCase)
            || ProblemFor(status) is not { } body)
        {
            return null;
        }

        var lines = text.Split("\r\n").Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var rewritten = string.Join("\r\n", lines) + $"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(rewritten), .. body];
    }

    private sealed class Transport(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input { get; } = inner.Input;

        public PipeWriter Output { get; } = new HeldErrorHead(inner.Output);
    }

    /// <summary>
    /// Passes writes through, except the first write after a flush that is an error head closing the connection: that one,
    /// and what follows until the flush, is held (copied out as it is advanced, the inner writer not advanced),
    /// rewritten if it is a Kestrel refusal, then written. Memory is always the inner writer's, with a pipe's semantics
    /// kept: the rest of a lent block stays valid after an Advance, and a block lent again starts where the held write
    /// started (which Kestrel relies on for chunked bodies).
    /// </summary>
    private sealed class HeldErrorHead(PipeWriter inner) : PipeWriter
    {
        private ArrayBufferWriter<byte>? _held;
        private Memory<byte> _lent;
        private int _offset;
        private bool _atStart = true;

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            _offset = 0;
            return _lent = inner.GetMemory(sizeHint);
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            var written = _lent.Span.Slice(_offset, bytes);
            _offset += bytes;
            if (_atStart)
            {
                _atStart = false;
                if (MayBeRefusal(written))
                {
                    _held = new ArrayBufferWriter<byte>(512);
                }
            }

            if (_held is { } held)
            {
                held.Write(written);
            }
            else
            {
                inner.Advance(bytes);
            }
        }

        /// <summary>
        /// An error status line with the connection closing: Kestrel's refusals always close it, the app's error
        /// responses (401, 404, 429…) keep it alive, so they pass through without being held or copied.
        /// </summary>
        private static bool MayBeRefusal(ReadOnlySpan<byte> written) =>
            written.Length >= 10 && written.StartsWith("HTTP/1."u8) && written[9] is (byte)'4' or (byte)'5'
            && written.IndexOf("\r\nConnection: close\r\n"u8) >= 0;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Release();
            _atStart = true;
            return inner.FlushAsync(cancellationToken); // no state machine of its own: every response passes here
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

        public override void Complete(Exception? exception = null)
        {
            Release();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            Release();
            return inner.CompleteAsync(exception);
        }

        private void Release()
        {
            if (_held is not { } held)
            {
                return;
            }

            _held = null;
            inner.Write(Rewrite(held.WrittenSpan) ?? held.WrittenSpan);
        }
    }
}
