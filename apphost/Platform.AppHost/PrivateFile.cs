namespace Platform.AppHost;

/// <summary>Files only their owner reads (secrets, keys, server settings holding a password): mode 600 on Unix.</summary>
internal static class PrivateFile
{
    public static void Write(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(path, options)))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // an existing file keeps its mode otherwise
        }
    }
}
