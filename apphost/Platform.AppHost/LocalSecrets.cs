using System.Security.Cryptography;

namespace Platform.AppHost;

/// <summary>
/// The run's secrets as Aspire parameters. A value given by configuration (<c>Parameters:name</c> in user secrets or
/// the environment) wins; otherwise one is generated on the first run and kept in <c>.local/secrets/name</c> (mode
/// 600, ignored by git), so data and keys survive restarts. Values never reach the console or the repository.
/// </summary>
internal sealed class LocalSecrets(IDistributedApplicationBuilder builder, string directory)
{
    public string Directory { get; } = directory;

    public IResourceBuilder<ParameterResource> Add(string name)
    {
        var key = $"Parameters:{name}";
        if (string.IsNullOrEmpty(builder.Configuration[key]))
        {
            builder.Configuration[key] = ReadOrCreate(name);
        }

        return builder.AddParameter(name, secret: true);
    }

    /// <summary>The value of a secret, for what the AppHost itself must compute from it (a key's hash).</summary>
    public string Value(string name) => builder.Configuration[$"Parameters:{name}"]
        ?? throw new InvalidOperationException($"The secret {name} was not added.");

    private string ReadOrCreate(string name)
    {
        var file = Path.Combine(Directory, name);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        System.IO.Directory.CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        PrivateFile.Write(file, value);
        return value;
    }
}
