using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Addresses;

namespace OrderActors.Domain.Intake;

/// <summary>Checks that the parcel can reach someone: a callable phone and an address the division list knows.</summary>
internal static class ReceiverRules
{
    public static void CheckName(NormalizedOrder order, HoldCollector holds)
    {
        if (string.IsNullOrWhiteSpace(order.Receiver.Name))
        {
            holds.Add(HoldCodes.IncompleteAddress, "the receiver has no name");
        }
    }

    public static void CheckPhone(NormalizedOrder order, HoldCollector holds)
    {
        string phone = order.Receiver.Phone;
        if (order.Receiver.PhoneMasked)
        {
            if (string.IsNullOrWhiteSpace(phone))
            {
                holds.Add(HoldCodes.InvalidPhone, "the platform sent no phone, not even a masked one");
            }
            return;
        }
        if (!PhoneNumbers.IsMainlandMobile(phone))
        {
            holds.Add(HoldCodes.InvalidPhone, $"'{Masking.Phone(phone)}' is not a mainland mobile number");
        }
    }

    public static ResolvedDivision? CheckAddress(NormalizedOrder order, DivisionCatalog divisions, HoldCollector holds)
    {
        Address address = order.ShippingAddress;
        if (string.IsNullOrWhiteSpace(address.Detail))
        {
            holds.Add(HoldCodes.IncompleteAddress, "the street address is empty");
        }
        DivisionLookup lookup = divisions.Resolve(address.Province, address.City, address.District);
        switch (lookup.Status)
        {
            case DivisionLookupStatus.Resolved:
                return lookup.Division;
            case DivisionLookupStatus.MissingPart:
                holds.Add(HoldCodes.IncompleteAddress, lookup.Message);
                return null;
            default:
                holds.Add(HoldCodes.InvalidDivision, lookup.Message);
                return null;
        }
    }
}
