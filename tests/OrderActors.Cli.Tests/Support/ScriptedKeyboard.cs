namespace OrderActors.Cli.Tests.Support;

/// <summary>A person at the keyboard who gives the answers in order and is seen to be asked (and whether it was secret).</summary>
public sealed class ScriptedKeyboard(params string[] answers) : IPrompt
{
    private readonly Queue<string> _answers = new(answers);

    public List<(string Question, bool Secret)> Asked { get; } = [];

    public string Ask(string question) => Answer(question, secret: false);

    public string AskSecret(string question, bool allowEmpty = false) => Answer(question, secret: true);

    private string Answer(string question, bool secret)
    {
        Asked.Add((question, secret));
        return _answers.TryDequeue(out string? answer) ? answer : throw new InvalidOperationException($"nothing scripted for '{question}'");
    }
}
