namespace OrderActors.Silo.TestHost.Processes;

/// <summary>Where tests leave files for people to read: test-artifacts/ at the repository root (ignored by git).</summary>
public static class TestArtifacts
{
    /// <summary>A new directory test-artifacts/{area}/{name}, created.</summary>
    public static string Directory(string area, string name)
    {
        string path = Path.Combine(RepositoryRoot(), "test-artifacts", area, name);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderActors.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
