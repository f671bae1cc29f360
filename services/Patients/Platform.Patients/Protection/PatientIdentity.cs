using System.Buffers.Binary;
using System.Text;

namespace Platform.Patients.Protection;

/// <summary>What identifies a patient, kept only enciphered at rest: NIR, names, birth date, phone, e-mail.</summary>
public sealed record PatientIdentity(string? Nir, string? FirstName, string? LastName, DateOnly BirthDate, string? Phone, string? Email)
{
    /// <summary>Compact binary form (version, birth day number, then each text as length and UTF-8; -1 for null).</summary>
    public byte[] Serialize()
    {
        string?[] texts = [Nir, FirstName, LastName, Phone, Email];
        var size = 1 + 4 + texts.Sum(t => 2 + (t is null ? 0 : Encoding.UTF8.GetByteCount(t)));
        var buffer = new byte[size];
        buffer[0] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(1), BirthDate.DayNumber);
        var at = 5;
        foreach (var text in texts)
        {
            if (text is null)
            {
                BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(at), -1);
                at += 2;
                continue;
            }

            var written = Encoding.UTF8.GetBytes(text, buffer.AsSpan(at + 2));
            BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(at), (short)written);
            at += 2 + written;
        }

        return buffer;
    }

    public static PatientIdentity Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 5 || data[0] != 1)
        {
            throw new FormatException("Unknown identity format.");
        }

        var birth = DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(data[1..]));
        var texts = new string?[5];
        var at = 5;
        for (var i = 0; i < texts.Length; i++)
        {
            var length = BinaryPrimitives.ReadInt16LittleEndian(data[at..]);
            at += 2;
            if (length >= 0)
            {
                texts[i] = Encoding.UTF8.GetString(data.Slice(at, length));
                at += length;
            }
        }

        return new PatientIdentity(texts[0], texts[1], texts[2], birth, texts[3], texts[4]);
    }
}
