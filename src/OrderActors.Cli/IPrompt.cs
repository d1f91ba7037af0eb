using Spectre.Console;

namespace OrderActors.Cli;

/// <summary>Questions to the person at the keyboard.</summary>
public interface IPrompt
{
    string Ask(string question);

    /// <summary>An answer that is not echoed (a password); an empty answer is allowed only when <paramref name="allowEmpty"/>.</summary>
    string AskSecret(string question, bool allowEmpty = false);
}

/// <summary>Spectre.Console prompts on standard error, so that standard output carries only the command's result.</summary>
public sealed class ConsolePrompt : IPrompt
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = InteractionSupport.Yes,
    });

    public string Ask(string question) => _console.Prompt(new TextPrompt<string>(Markup.Escape(question)));

    public string AskSecret(string question, bool allowEmpty = false)
    {
        // No mask character either: like sudo and ssh, not even the password's length shows.
        TextPrompt<string> prompt = new TextPrompt<string>(Markup.Escape(question)).Secret(null);
        return _console.Prompt(allowEmpty ? prompt.AllowEmpty() : prompt);
    }
}
