namespace OrderActors.Abstractions.Common;

/// <summary>Masks personal data before it reaches a log line.</summary>
public static class Masking
{
    /// <summary>Keeps the first three and last four characters of a phone number: "138****5678".</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }
        return phone.Length <= 7 ? new string('*', phone.Length) : $"{phone[..3]}****{phone[^4..]}";
    }

    /// <summary>Keeps the first character of a name: "张**".</summary>
    public static string Name(string? name) =>
        string.IsNullOrEmpty(name) ? "" : name[0] + new string('*', Math.Max(1, name.Length - 1));
}
