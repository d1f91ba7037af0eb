namespace OrderActors.LoadTest.Hub;

/// <summary>One check of the correctness audit: its name, whether it passed, and what was measured.</summary>
public sealed record AuditLine(string Name, bool Passed, string Detail);
