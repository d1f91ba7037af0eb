using System.Text;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using static OrderActors.Connectors.Tests.Support.Pushes;

namespace OrderActors.Connectors.Tests.Push;

/// <summary>Issue 14: a push is read as servlet containers and ASP.NET read one, which is what the platforms sign.</summary>
public sealed class PushRequestTests
{
    [Fact]
    public void QueryAndFormAreDecodedWithPlusAsSpaceAndPercentAsUtf8()
    {
        PushRequest request = Form(Channel.Meituan, "https://hub.example.com/p?timestamp=2026-01-20+20%3A00%3A00&flag", "recipient_name=%E7%8E%8B%E5%B0%8F%E6%98%8E&caution=%E5%B7%A5%E4%BD%9C%E6%97%A5+%E7%99%BD%E5%A4%A9");

        Assert.Equal(new Dictionary<string, string> { ["timestamp"] = "2026-01-20 20:00:00", ["flag"] = "" }, request.Query);
        Assert.Equal(new Dictionary<string, string> { ["recipient_name"] = "王小明", ["caution"] = "工作日 白天" }, request.Form);
    }

    [Fact]
    public void ARepeatedNameKeepsItsValuesJoined() =>
        Assert.Equal("1,2", Form(Channel.Meituan, "https://hub.example.com/p", "a=1&a=2").Form!["a"]);

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public void OnlyAUrlEncodedFormHasFormFields(string? contentType) =>
        Assert.Null(PushRequest.Create(Channel.Taobao, "POST", new Uri("https://hub.example.com/p"), [], contentType, Encoding.UTF8.GetBytes("a=1")).Form);

    [Fact]
    public void AFormThatIsNotUtf8HasNoFields() =>
        Assert.Null(Request(Channel.Meituan, "https://hub.example.com/p", "application/x-www-form-urlencoded", [0x61, 0x3D, 0xFF]).Form);

    [Fact]
    public void HeadersGivenInAnyDictionaryAreReadCaseInsensitively()
    {
        var request = new PushRequest(Channel.Douyin, "POST", new Uri("https://hub.example.com/p"), new Dictionary<string, string>(),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["Event-Sign"] = "x" }, null, Array.Empty<byte>(), null);

        Assert.Equal("x", request.Header("event-sign"));
    }
}
