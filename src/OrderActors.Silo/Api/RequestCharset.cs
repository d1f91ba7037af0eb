using System.Text;
using Microsoft.Net.Http.Headers;

namespace OrderActors.Silo.Api;

/// <summary>
/// A body whose Content-Type declares a charset other than UTF-8 (GBK and GB18030 are real on Chinese platforms) is
/// decoded here and handed on as UTF-8, so every reader after it — channel bodies and bound JSON alike — reads UTF-8
/// only. An unknown charset, or bytes that are not text in the declared one, is a 400.
/// </summary>
public sealed class RequestCharset(RequestDelegate next)
{
    static RequestCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? contentType)
            || contentType.Charset.Value is not { Length: > 0 } charset
            || Encoding.UTF8.WebName.Equals(charset.Trim('"'), StringComparison.OrdinalIgnoreCase)
            || "utf8".Equals(charset.Trim('"'), StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        Encoding encoding = Strict(charset.Trim('"'));
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        string text;
        try
        {
            text = encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new RequestValidationException("body", $"the body is not {charset} text: some of its bytes do not decode");
        }
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        contentType.Charset = Encoding.UTF8.WebName;
        request.ContentType = contentType.ToString();
        request.ContentLength = utf8.Length;
        request.Body = new MemoryStream(utf8, writable: false);
        await next(context);
    }

    private static Encoding Strict(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw new RequestValidationException("Content-Type", $"charset '{charset}' is not an encoding the hub knows: send UTF-8, GBK or GB18030");
        }
    }
}
