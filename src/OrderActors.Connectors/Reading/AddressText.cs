using OrderActors.Domain.Addresses;

namespace OrderActors.Connectors.Reading;

/// <summary>Street detail out of platforms' one-line addresses that repeat the divisions ("浙江杭州市西湖区文三路398号").</summary>
internal static class AddressText
{
    /// <summary>The text after the divisions the catalog recognises at its front; the whole text when it recognises none.</summary>
    public static string DetailOf(DivisionCatalog divisions, string fullAddress)
    {
        AddressSplit? split = divisions.SplitAddress(fullAddress);
        return split is null || split.Detail.Length == 0 ? fullAddress.Trim() : split.Detail;
    }
}
