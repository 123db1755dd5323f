using System;
using System.Collections.Generic;
using PlatformFit.Cli.Scanning;
using PlatformFit.Core.Rules;

namespace PlatformFit.Cli.Tests.Reporting
{
    /// <summary>
    /// A scan result as a scan of a small chat API would produce it: an ASP.NET Core app hosted on AWS Lambda behind an
    /// HTTP API that serves WebSockets (PF1001, with the serverless.yml line and the call path), a suppressed wait
    /// longer than the function's timeout, and a SAM template that could not be parsed.
    /// </summary>
    internal static class ChatApiScan
    {
        public const string ProgramPath = "src/ChatApi/Program.cs";
        public const int WebSocketLine = 18;

        public const string ProgramSource = """
            using Amazon.Lambda.AspNetCoreServer.Hosting;
            using ChatApi.Hubs;

            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
            builder.Services.AddSingleton<RoomRegistry>();

            var app = builder.Build();

            app.MapGet("/health", () => Results.Ok());

            if (app.Configuration.GetValue<bool>("Chat:EnableSockets"))
            {
                // Browsers keep one socket per room and receive messages as they are posted.
                var sockets = new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) };
                sockets.AllowedOrigins.Add("https://chat.example.com");
                app.UseWebSockets(sockets);
                app.Map("/ws", ChatSocket.AcceptAsync);
            }

            app.Run();

            """;

        public const string ServerlessYaml = """
            service: chat-api

            provider:
              name: aws
              runtime: dotnet8
              memorySize: 1024
              timeout: 30
              architecture: arm64

            functions:
              chat:
                handler: ChatApi
                events:
                  - httpApi:
                      path: /{proxy+}
                      method: any
              reminder:
                handler: ChatApi::ChatApi.Handlers.Reminder::HandleAsync
                events:
                  - schedule: rate(5 minutes)

            """;

        public static readonly RuleMetadata WebSocketRule = new(
            "PF1001",
            "WebSocket server behind a front door that cannot hold a connection",
            "{0} serves WebSocket connections, but function '{1}' runs on AWS Lambda behind an {2} ({3}), which cannot hold a client connection: use an API Gateway WebSocket API.",
            "Connections",
            RuleSeverity.Error,
            "Code that accepts WebSocket connections is deployed as an AWS Lambda function whose front door is an API Gateway REST or HTTP API, an Application Load Balancer or a function URL. Lambda has no inbound socket, so the connection can never be held.")
        {
            Tags = new[] { "reliability", "correctness", "aws-lambda", "websocket", "serverless", "correctness" },
            Precision = "high",
            ProblemSeverity = "error",
            Platforms = new[] { "aws-lambda" },
            HelpUri = "https://github.com/platformfit/platformfit/blob/main/rules/PF1001.md",
            HelpText = "WebSocket server behind a front door that cannot hold a connection. Lambda functions behind an HTTP API receive one request and return one response; use an API Gateway WebSocket API, which holds the connection and invokes the function once per message.",
            HelpMarkdown = """
                # PF1001: WebSocket server behind a front door that cannot hold a connection

                Lambda functions behind an HTTP API receive one request and return one response.

                ## How to fix

                Use an API Gateway WebSocket API, which holds the connection and invokes the function once per message:

                ```yaml
                events:
                  - websocket:
                      route: $default
                ```
                """,
        };

        public static readonly RuleMetadata LongWaitRule = new(
            "PF3001",
            "Wait longer than the function's timeout",
            "{0} waits {1}, but function '{2}' times out after {3} ({4}).",
            "Limits",
            RuleSeverity.Warning,
            "Code waits longer than the platform lets the function run: the invocation is cut off before the wait ends.")
        {
            Tags = new[] { "reliability", "aws-lambda", "timeout" },
            Precision = "medium",
            ProblemSeverity = "warning",
            HelpUri = "https://github.com/platformfit/platformfit/blob/main/rules/PF3001.md",
            HelpText = "Wait longer than the function's timeout. Move long waits to a queue or a Step Functions wait state.",
            HelpMarkdown = "# PF3001\n\nMove long waits to a queue or a **Step Functions** wait state.",
        };

        public static readonly RuleMetadata SecretRule = new(
            "PF2009",
            "Secret in a deployment config",
            "The {0} environment variable of function '{1}' holds a literal secret ({2}).",
            "State",
            RuleSeverity.Error,
            "A secret written into a deployment config is readable by everyone who can read the repository.")
        {
            Tags = new[] { "security", "aws-lambda" },
            Precision = "very-high",
            ProblemSeverity = "error",
            SecuritySeverity = "8.0",
            HelpUri = "https://github.com/platformfit/platformfit/blob/main/rules/PF2009.md",
            HelpText = "Read secrets from AWS Secrets Manager or SSM Parameter Store at run time.",
            HelpMarkdown = "Read secrets from **AWS Secrets Manager** or SSM Parameter Store at run time.",
        };

        public static readonly RuleMetadata UnreadableConfigRule = new(
            "PF9001",
            "Config file could not be read",
            "{0} could not be read: {1}.",
            "Tool",
            RuleSeverity.Warning,
            "A deployment config could not be read or parsed; what it declares was not checked.")
        {
            Tags = new[] { "platformfit" },
            HelpUri = "https://github.com/platformfit/platformfit/blob/main/rules/PF9001.md",
            HelpText = "Fix the file so that it parses, or exclude it in .platformfit.yml.",
            HelpMarkdown = "Fix the file so that it parses, or exclude it in `.platformfit.yml`.",
        };

        public static Finding WebSocketFinding(int line = WebSocketLine) => new(
            "PF1001",
            FindingLevel.Error,
            "app.UseWebSockets(sockets) serves WebSocket connections, but function 'chat' runs on AWS Lambda behind an HTTP API (serverless.yml(14,9)), which cannot hold a client connection: use an API Gateway WebSocket API.",
            new SourceLocation(ProgramPath, line, 5, line, 31))
        {
            Related = new[] { new RelatedLocation(1, new SourceLocation("serverless.yml", 14, 9, 14, 16), "serverless.yml(14,9)") },
            Flow = new[]
            {
                new FlowStep(new SourceLocation(ProgramPath, 6, 1, 6, 65), "Function 'chat' runs this ASP.NET Core app (AddAWSLambdaHosting)."),
                new FlowStep(new SourceLocation(ProgramPath, line, 5, line, 31), "UseWebSockets accepts WebSocket upgrade requests."),
            },
            Unit = "chat",
            Platform = "aws-lambda",
        };

        public static Finding SuppressedWaitFinding() => new(
            "PF3001",
            FindingLevel.Warning,
            "Task.Delay(TimeSpan.FromMinutes(5)) waits 5 minutes, but function 'reminder' times out after 30 seconds (serverless.yml(8,12)).",
            new SourceLocation("src/ChatApi/Handlers/Reminder.cs", 12, 9, 12, 48))
        {
            Related = new[] { new RelatedLocation(1, new SourceLocation("serverless.yml", 8, 12, 8, 14), "serverless.yml(8,12)") },
            Unit = "reminder",
            Platform = "aws-lambda",
            Suppression = new FindingSuppression("pragma", "The reminder job is being moved to Step Functions."),
        };

        public static ToolNotification UnparsableTemplate() => new(
            "template.yaml could not be parsed: a mapping value is not allowed here.",
            FindingLevel.Warning)
        {
            Location = new SourceLocation("template.yaml", 7, 1, 7, 1),
            Id = "PF9001",
        };

        public static ScanResult Create(Finding? webSocketFinding = null) => new(
            new[] { WebSocketRule, LongWaitRule, SecretRule, UnreadableConfigRule },
            new[] { SuppressedWaitFinding(), webSocketFinding ?? WebSocketFinding() },
            new[] { UnparsableTemplate() })
        {
            ExecutionSuccessful = false,
        };

        public static Func<string, string?> Files(string? programSource = null) => path => path switch
        {
            ProgramPath => programSource ?? ProgramSource,
            "serverless.yml" => ServerlessYaml,
            _ => null,
        };
    }
}
