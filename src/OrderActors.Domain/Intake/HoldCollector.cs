using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Intake;

/// <summary>
/// Gathers rule findings into one hold per reason code, in the order codes first appeared, its messages joined: the
/// first <see cref="MaxMessages"/>, then how many more, so a hold stays short however many lines it is about.
/// </summary>
internal sealed class HoldCollector(DateTimeOffset at)
{
    public const int MaxMessages = 5;

    private readonly List<(string Code, List<string> Messages)> _findings = [];

    public void Add(string code, string message)
    {
        int index = _findings.FindIndex(finding => finding.Code == code);
        if (index < 0)
        {
            _findings.Add((code, [message]));
        }
        else
        {
            _findings[index].Messages.Add(message);
        }
    }

    /// <remarks>
    /// A <c>pii_encrypted</c> hold does not block: the order is allocated by its divisions, and only shipping waits
    /// for the decrypt result (<see cref="Orders.OrderCommands.Ship"/>).
    /// </remarks>
    public IReadOnlyList<OrderHold> ToHolds() =>
        _findings.Select(finding => new OrderHold(finding.Code, Joined(finding.Messages), at,
            Blocking: finding.Code != HoldCodes.PiiEncrypted)).ToArray();

    private static string Joined(List<string> messages) => messages.Count <= MaxMessages
        ? string.Join("; ", messages)
        : $"{string.Join("; ", messages.Take(MaxMessages))}; and {messages.Count - MaxMessages} more";
}
