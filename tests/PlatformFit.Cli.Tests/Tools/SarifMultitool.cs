using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PlatformFit.Cli.Tests.Tools
{
    /// <summary>One problem the SARIF Multitool's validator reported.</summary>
    internal sealed record SarifValidationMessage(string RuleId, string Level, string Text)
    {
        public override string ToString() => $"{Level} {RuleId}: {Text}";
    }

    /// <summary>What the validator said about one file: its errors and warnings (notes are advice and left out).</summary>
    internal sealed record SarifValidation(IReadOnlyList<SarifValidationMessage> Errors, IReadOnlyList<SarifValidationMessage> Warnings);

    /// <summary>
    /// The SARIF Multitool, the validator GitHub's own guidance uses, installed from npm by tests/tools/install.sh.
    /// A test that needs it fails when it is missing: a validation that silently did not run would look green.
    /// </summary>
    internal static class SarifMultitool
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

        public static string BinaryPath
        {
            get
            {
                var (package, file) =
                    RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ("sarif-multitool-win32", "Sarif.Multitool.exe")
                    : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ("sarif-multitool-darwin", "Sarif.Multitool")
                    : ("sarif-multitool-linux", "Sarif.Multitool");
                return Path.Combine(RepositoryRoot.Path, "tests", "tools", "node_modules", "@microsoft", package, file);
            }
        }

        /// <summary>Runs <c>validate</c> on <paramref name="sarifPath"/> with the given rule kinds (GitHub's are <c>Sarif;Gh</c>).</summary>
        public static SarifValidation Validate(string sarifPath, string ruleKinds = "Sarif;Gh")
        {
            var binary = BinaryPath;
            if (!File.Exists(binary))
            {
                Assert.Fail($"The SARIF Multitool is not installed at {binary}. Run tests/tools/install.sh (it needs npm) and run the tests again.");
            }

            MakeExecutable(binary);

            var report = Path.Combine(Path.GetTempPath(), "platformfit-validation-" + Guid.NewGuid().ToString("N") + ".sarif");
            try
            {
                var start = new ProcessStartInfo(binary)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in new[] { "validate", sarifPath, "--rule-kind", ruleKinds, "--output", report, "--log", "ForceOverwrite" })
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
                var standardOutput = process.StandardOutput.ReadToEndAsync();
                var standardError = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(s_timeout))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"The SARIF Multitool did not finish within {s_timeout.TotalSeconds} s.");
                }

                if (!File.Exists(report))
                {
                    Assert.Fail($"The SARIF Multitool wrote no report (exit code {process.ExitCode}).\n{standardOutput.Result}\n{standardError.Result}");
                }

                return Read(report);
            }
            finally
            {
                File.Delete(report);
            }
        }

        // npm does not run the package's install script, the step that marks the binary executable.
        private static void MakeExecutable(string binary)
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            var mode = File.GetUnixFileMode(binary);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(binary, mode | UnixFileMode.UserExecute);
            }
        }

        private static SarifValidation Read(string reportPath)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(reportPath));
            var errors = new List<SarifValidationMessage>();
            var warnings = new List<SarifValidationMessage>();

            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                var messageFormats = MessageFormats(run);
                if (run.TryGetProperty("results", out var results))
                {
                    foreach (var result in results.EnumerateArray())
                    {
                        var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "?" : "?";
                        // SARIF's default level for a result is warning.
                        var level = result.TryGetProperty("level", out var value) ? value.GetString() ?? "warning" : "warning";
                        Add(level, new SarifValidationMessage(ruleId, level, Text(result.GetProperty("message"), ruleId, messageFormats)));
                    }
                }

                // The validator reports its own failures (an unreadable file, a crashed rule) as notifications.
                if (run.TryGetProperty("invocations", out var invocations))
                {
                    foreach (var invocation in invocations.EnumerateArray())
                    {
                        foreach (var notifications in new[] { "toolExecutionNotifications", "toolConfigurationNotifications" })
                        {
                            if (!invocation.TryGetProperty(notifications, out var list))
                            {
                                continue;
                            }

                            foreach (var notification in list.EnumerateArray())
                            {
                                var level = notification.TryGetProperty("level", out var value) ? value.GetString() ?? "warning" : "warning";
                                var descriptor = notification.TryGetProperty("descriptor", out var reference) && reference.TryGetProperty("id", out var referenceId)
                                    ? referenceId.GetString() ?? "notification"
                                    : "notification";
                                Add(level, new SarifValidationMessage(descriptor, level, Text(notification.GetProperty("message"), descriptor, messageFormats)));
                            }
                        }
                    }
                }
            }

            return new SarifValidation(errors, warnings);

            void Add(string level, SarifValidationMessage message)
            {
                if (level == "error")
                {
                    errors.Add(message);
                }
                else if (level == "warning")
                {
                    warnings.Add(message);
                }
            }
        }

        private static Dictionary<(string RuleId, string MessageId), string> MessageFormats(JsonElement run)
        {
            var formats = new Dictionary<(string, string), string>();
            if (!run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var rules))
            {
                return formats;
            }

            foreach (var rule in rules.EnumerateArray())
            {
                if (!rule.TryGetProperty("messageStrings", out var strings))
                {
                    continue;
                }

                var ruleId = rule.GetProperty("id").GetString() ?? string.Empty;
                foreach (var entry in strings.EnumerateObject())
                {
                    if (entry.Value.TryGetProperty("text", out var text))
                    {
                        formats[(ruleId, entry.Name)] = text.GetString() ?? string.Empty;
                    }
                }
            }

            return formats;
        }

        // The validator writes messages as a message id plus arguments; the text is the rule's format filled in.
        private static string Text(JsonElement message, string ruleId, Dictionary<(string RuleId, string MessageId), string> formats)
        {
            if (message.TryGetProperty("text", out var text))
            {
                return text.GetString() ?? string.Empty;
            }

            var arguments = message.TryGetProperty("arguments", out var list)
                ? list.EnumerateArray().Select(argument => (object?)argument.GetString()).ToArray()
                : Array.Empty<object?>();
            var messageId = message.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty : string.Empty;
            return formats.TryGetValue((ruleId, messageId), out var format)
                ? string.Format(CultureInfo.InvariantCulture, format, arguments)
                : $"{messageId}({string.Join(", ", arguments)})";
        }
    }
}
