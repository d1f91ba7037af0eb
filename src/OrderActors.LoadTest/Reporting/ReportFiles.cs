using System.Text;

namespace OrderActors.LoadTest.Reporting;

/// <summary>Writes report.json, report.md and report.html into the output directory.</summary>
public static class ReportFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(LoadTestReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var files = new (string Name, string Text)[]
        {
            ("report.json", JsonReportWriter.Write(report)),
            ("report.md", MarkdownReportWriter.Write(report)),
            ("report.html", HtmlReportWriter.Write(report)),
        };
        var written = new List<string>();
        foreach ((string name, string text) in files)
        {
            string path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            written.Add(path);
        }
        return written;
    }
}
