using System.Net;

namespace OrderActors.Cli.Tests;

/// <summary>The exit code for each error status the server answers.</summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.Usage)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ExitCodes.Usage)]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.AccessDenied)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.AccessDenied)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.TooManyRequests, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.Unavailable)]
    public void EachErrorStatusHasItsExitCode(HttpStatusCode status, int exitCode)
    {
        Assert.Equal(exitCode, ExitCodes.ForStatus(status));
    }

    [Fact]
    public void AccessDeniedIsExitCode6()
    {
        Assert.Equal(6, ExitCodes.AccessDenied);
    }
}
