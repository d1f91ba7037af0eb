using System.CommandLine;

namespace OrderActors.Cli.Commands;

/// <summary>The options users and API keys share.</summary>
public static class AccessOptions
{
    public static Option<string[]> Roles() => new("--role")
    {
        Description = "A role: admin, operator, viewer, finance, hq, supplier:{supplierId}, connector:{channel}; repeat for several.",
        HelpName = "ROLE",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
    };
}
