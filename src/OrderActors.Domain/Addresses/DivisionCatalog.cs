using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Addresses;

/// <summary>
/// The mainland 省 / 市 / 区 list (GB/T 2260 codes) with approximate centroids, loaded once from the embedded
/// data file. Immutable after loading, so one instance serves every thread.
/// </summary>
public sealed partial class DivisionCatalog
{
    private const string ResourceName = "OrderActors.Domain.Addresses.divisions.tsv";
    private static readonly Lazy<DivisionCatalog> _default = new(LoadEmbedded);

    private readonly DivisionIndex _provinces;
    private readonly IReadOnlyList<DivisionNode> _provinceNodes;
    private readonly DivisionIndex _allCities;
    private readonly Dictionary<string, DivisionIndex> _cityIndexByProvince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DivisionIndex> _childIndexByCity = new(StringComparer.Ordinal);

    private DivisionCatalog(IReadOnlyList<DivisionNode> provinces)
    {
        _provinces = new DivisionIndex(provinces);
        _provinceNodes = provinces;
        foreach (DivisionNode province in provinces)
        {
            _cityIndexByProvince[province.Code] = new DivisionIndex(CityLevel(province));
            foreach (DivisionNode city in province.Children)
            {
                _childIndexByCity[city.Code] = new DivisionIndex(city.Children);
            }
        }
        _allCities = new DivisionIndex(provinces.Where(p => !DivisionNames.IsMunicipality(p.Code)).SelectMany(CityLevel));
        CountyCount = provinces.SelectMany(p => p.Children).Sum(c => c.Children.Count(d => d.Code.Length == 6));
    }

    /// <summary>The catalog built from the shipped data file.</summary>
    public static DivisionCatalog Default => _default.Value;

    /// <summary>How many county-level divisions (区 / 县 / 县级市 / 旗) the catalog holds.</summary>
    public int CountyCount { get; }

    /// <summary>Reads the tab-separated list written by scripts/data/build_divisions.py.</summary>
    public static DivisionCatalog Load(TextReader reader)
    {
        var byCode = new Dictionary<string, DivisionNode>(StringComparer.Ordinal);
        var provinces = new List<DivisionNode>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            string[] cells = line.Split('\t');
            var node = new DivisionNode(cells[0], cells[1], ParsePoint(cells[2], cells[3]), ParsePrecision(cells[4]));
            byCode[node.Code] = node;
            if (node.Code.Length == 2)
            {
                provinces.Add(node);
            }
            else
            {
                byCode[node.Code.Length == 4 ? node.Code[..2] : node.Code[..4]].Add(node);
            }
        }
        return new DivisionCatalog(provinces);
    }

    /// <summary>Matches a platform's 省 / 市 / 区, tolerant of short names, repeated municipality names and "市辖区".</summary>
    public bool TryResolve(string? province, string? city, string? district, [MaybeNullWhen(false)] out ResolvedDivision resolved)
    {
        DivisionLookup lookup = Resolve(province, city, district);
        resolved = lookup.Division;
        return lookup.IsResolved;
    }

    /// <summary>Like <see cref="TryResolve"/>, but says which level failed and why.</summary>
    public DivisionLookup Resolve(string? province, string? city, string? district)
    {
        string p = DivisionNames.Normalize(province);
        string c = DivisionNames.Normalize(city);
        string d = DivisionNames.Normalize(district);
        if (p.Length == 0)
        {
            return DivisionLookup.Failed(DivisionLookupStatus.MissingPart, "province is empty");
        }
        DivisionNode? provinceNode = _provinces.Find(p);
        if (provinceNode is null)
        {
            return DivisionLookup.Failed(DivisionLookupStatus.UnknownProvince, $"unknown province '{p}'");
        }
        return DivisionNames.IsMunicipality(provinceNode.Code)
            ? ResolveMunicipality(provinceNode, c, d)
            : ResolveProvincial(provinceNode, c, d);
    }

    private DivisionLookup ResolveMunicipality(DivisionNode province, string city, string district)
    {
        DivisionIndex districts = _cityIndexByProvince[province.Code];
        bool cityIsProvince = city.Length == 0 || _provinces.Find(city) == province || DivisionNames.IsPlaceholderCity(city);
        DivisionNode? cityAsDistrict = cityIsProvince ? null : districts.Find(city);
        if (!cityIsProvince && cityAsDistrict is null)
        {
            return DivisionLookup.Failed(DivisionLookupStatus.UnknownCity, $"'{city}' is not a part of {province.Name}");
        }
        if (district.Length == 0)
        {
            return cityAsDistrict is null
                ? DivisionLookup.Failed(DivisionLookupStatus.MissingPart, "district is empty")
                : Found(province, province.Name, cityAsDistrict.Parent!.Code, cityAsDistrict);
        }
        DivisionNode? districtNode = districts.Find(district);
        if (districtNode is null || (cityAsDistrict is not null && cityAsDistrict != districtNode))
        {
            return DivisionLookup.Failed(DivisionLookupStatus.UnknownDistrict, $"unknown district '{district}' in {province.Name}");
        }
        return Found(province, province.Name, districtNode.Parent!.Code, districtNode);
    }

    private DivisionLookup ResolveProvincial(DivisionNode province, string city, string district)
    {
        if (city.Length == 0)
        {
            return DivisionLookup.Failed(DivisionLookupStatus.MissingPart, "city is empty");
        }
        DivisionIndex cities = _cityIndexByProvince[province.Code];
        DivisionNode? cityNode = cities.Find(city);
        if (cityNode is null && DivisionNames.IsPlaceholderCity(city))
        {
            cityNode = cities.Find(district);
            district = "";
        }
        if (cityNode is null)
        {
            return DivisionLookup.Failed(DivisionLookupStatus.UnknownCity, $"unknown city '{city}' in {province.Name}");
        }
        if (cityNode.Code.Length == 6)
        {
            return Found(province, cityNode.Name, cityNode.Code, cityNode, keepDistrict: false);
        }
        bool countyLess = cityNode.Children.Count == 0 || cityNode.Children.All(child => child.Code.Length > 6);
        DivisionNode? districtNode = _childIndexByCity[cityNode.Code].Find(district);
        if (districtNode is not null)
        {
            return Found(province, cityNode.Name, cityNode.Code, districtNode);
        }
        if (countyLess)
        {
            return Found(province, cityNode.Name, cityNode.Code, cityNode, keepDistrict: false);
        }
        return district.Length == 0
            ? DivisionLookup.Failed(DivisionLookupStatus.MissingPart, "district is empty")
            : DivisionLookup.Failed(DivisionLookupStatus.UnknownDistrict, $"unknown district '{district}' in {cityNode.Name}");
    }

    private static DivisionLookup Found(DivisionNode province, string cityName, string cityCode, DivisionNode place, bool keepDistrict = true)
    {
        var division = new ResolvedDivision(
            province.Code, province.Name, cityCode, cityName,
            keepDistrict ? place.Code : null, keepDistrict ? place.Name : null,
            place.Centroid, place.Precision);
        return new DivisionLookup(DivisionLookupStatus.Resolved, division, "");
    }

    /// <summary>The divisions a buyer names in the city slot: real cities, plus county-level units governed by the province directly.</summary>
    private static IEnumerable<DivisionNode> CityLevel(DivisionNode province) =>
        province.Children.SelectMany(city => city.IsPlaceholder ? city.Children : [city]);

    private static DivisionCatalog LoadEmbedded()
    {
        using Stream stream = typeof(DivisionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    private static GeoPoint ParsePoint(string latitude, string longitude) =>
        new(double.Parse(latitude, CultureInfo.InvariantCulture), double.Parse(longitude, CultureInfo.InvariantCulture));

    private static CentroidPrecision ParsePrecision(string letter) => letter switch
    {
        "D" => CentroidPrecision.County,
        "C" => CentroidPrecision.City,
        _ => CentroidPrecision.Province,
    };
}
