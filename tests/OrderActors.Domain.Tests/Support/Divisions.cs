using OrderActors.Domain.Addresses;

namespace OrderActors.Domain.Tests.Support;

/// <summary>Resolving that fails the test when the address does not resolve.</summary>
public static class Divisions
{
    public static ResolvedDivision Resolved(DivisionCatalog catalog, string province, string city, string district)
    {
        Assert.True(catalog.TryResolve(province, city, district, out ResolvedDivision? division), catalog.Resolve(province, city, district).Message);
        return division;
    }
}
