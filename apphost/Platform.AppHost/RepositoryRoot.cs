namespace Platform.AppHost;

internal static class RepositoryRoot
{
    /// <summary>The checkout this AppHost belongs to: the folder above it that holds Platform.sln.</summary>
    public static string Find(string appHostDirectory)
    {
        for (var dir = new DirectoryInfo(appHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Platform.sln above {appHostDirectory}.");
    }
}
