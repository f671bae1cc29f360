using System.Text;
using System.Text.Unicode;

namespace Platform.Patients.BulkImport;

/// <summary>
/// Reads a file line by line as bytes and decodes each line on its own, so one line that is not UTF-8 is reported
/// as such while the others are read normally (a StreamReader would fail the whole buffer around it).
/// </summary>
internal sealed class Utf8LineReader(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>False at the end of the file. <paramref name="line"/> is null when the line is not valid UTF-8.</summary>
    public bool TryReadLine(out string? line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Decode(pending[..newline]);
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                _start = _end;
                line = pending.Length == 0 ? null : Decode(pending);
                return pending.Length > 0;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2); // lines are bounded when the file is received
            }

            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _eof = read == 0;
            _end += read;
        }
    }

    private static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }
}
