namespace OrderActors.Cli.Output;

/// <summary>The lines around a page of a list: what an empty page means, and where a shown page stands.</summary>
public static class PageLines
{
    /// <summary>Says why nothing is shown (no match, or a page past the last) and returns true, when the page is empty.</summary>
    public static bool Empty(IOutput output, int count, int page, long total, string noMatch, string noun)
    {
        if (count > 0)
        {
            return false;
        }
        output.Line(total == 0 ? noMatch : $"Page {page} is past the last of {Labels.Number(total)} {noun}.", Tone.Muted);
        return true;
    }

    /// <summary><c>Page 2/7 · 130 orders</c>.</summary>
    public static void Footer(IOutput output, int page, int pageSize, long total, string noun)
    {
        long pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        output.Line($"Page {page}/{pages} · {Labels.Number(total)} {noun}", Tone.Muted);
    }
}
