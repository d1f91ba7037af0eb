using Microsoft.Playwright;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>Screenshots for people to look at, in test-artifacts/screenshots/ at the repository root.</summary>
public static class Artifacts
{
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        string directory = Path.Combine(RepositoryRoot(), "test-artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
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
        throw new InvalidOperationException($"No OrderActors.sln above {AppContext.BaseDirectory}.");
    }
}
