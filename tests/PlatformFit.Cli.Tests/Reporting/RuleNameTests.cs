using PlatformFit.Cli.Reporting;

namespace PlatformFit.Cli.Tests.Reporting
{
    public sealed class RuleNameTests
    {
        [Theory]
        [InlineData("WebSocket server behind a front door that cannot hold a connection", "WebSocketServerBehindAFrontDoorThatCannotHoldAConnection")]
        [InlineData("Wait longer than the function's timeout", "WaitLongerThanTheFunctionsTimeout")]
        [InlineData("Runtime dotnet6 below the project's net8.0", "RuntimeDotnet6BelowTheProjectsNet80")]
        public void The_name_is_the_title_in_PascalCase(string title, string name)
        {
            Assert.Equal(name, RuleName.FromTitle(title));
        }
    }
}
