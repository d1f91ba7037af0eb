using System.Globalization;

namespace OrderActors.Domain.Allocation;

/// <summary>Collects the explanation entries of one decision and formats the numbers in them.</summary>
internal sealed class ExplanationLog
{
    private readonly List<AllocationExplanation> _entries = [];

    public void Add(AllocationLayer layer, string text) => _entries.Add(new AllocationExplanation(layer, text));

    public IReadOnlyList<AllocationExplanation> ToList() => _entries.ToArray();

    public static string Km(double distanceKm) => distanceKm.ToString("0.0", CultureInfo.InvariantCulture) + " km";

    public static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Ids(IEnumerable<Site> sites) => string.Join(", ", sites.Select(site => site.Id));
}
