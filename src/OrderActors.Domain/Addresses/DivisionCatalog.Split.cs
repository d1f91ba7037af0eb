namespace OrderActors.Domain.Addresses;

/// <summary>Cutting one-line addresses ("浙江省杭州市西湖区文三路398号") into divisions and street detail.</summary>
public sealed partial class DivisionCatalog
{
    /// <summary>
    /// Reads the province, city and district off the front of <paramref name="text"/>; null when neither a
    /// province nor a city the catalog knows starts it. Short names and a repeated municipality name are accepted.
    /// </summary>
    public AddressSplit? SplitAddress(string? text)
    {
        string rest = DivisionNames.Normalize(text);
        DivisionNode? province = null;
        if (_provinces.MatchPrefix(rest) is (DivisionNode provinceNode, int provinceLength))
        {
            province = provinceNode;
            rest = rest[provinceLength..];
        }
        if (province is not null && DivisionNames.IsMunicipality(province.Code))
        {
            return SplitMunicipality(province, rest);
        }
        DivisionIndex cities = province is null ? _allCities : _cityIndexByProvince[province.Code];
        if (cities.MatchPrefix(rest) is not (DivisionNode city, int cityLength))
        {
            return null;
        }
        province ??= ProvinceOf(city);
        rest = rest[cityLength..];
        if (city.Code.Length == 6)
        {
            return new AddressSplit(province.Name, city.Name, "", rest);
        }
        if (_childIndexByCity[city.Code].MatchPrefix(rest) is (DivisionNode district, int districtLength))
        {
            return new AddressSplit(province.Name, city.Name, district.Name, rest[districtLength..]);
        }
        return new AddressSplit(province.Name, city.Name, "", rest);
    }

    private AddressSplit SplitMunicipality(DivisionNode province, string rest)
    {
        if (_provinces.MatchPrefix(rest) is (DivisionNode repeated, int repeatedLength) && repeated == province)
        {
            rest = rest[repeatedLength..];
        }
        foreach (string placeholder in new[] { "市辖区", "县" })
        {
            if (rest.StartsWith(placeholder, StringComparison.Ordinal) && _cityIndexByProvince[province.Code].MatchPrefix(rest) is null)
            {
                rest = rest[placeholder.Length..];
            }
        }
        return _cityIndexByProvince[province.Code].MatchPrefix(rest) is (DivisionNode district, int length)
            ? new AddressSplit(province.Name, province.Name, district.Name, rest[length..])
            : new AddressSplit(province.Name, province.Name, "", rest);
    }

    private static DivisionNode ProvinceOf(DivisionNode node)
    {
        DivisionNode current = node;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }
        return current;
    }
}
