using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using PlatformFit.Cli.Scanning;
using PlatformFit.Core.Rules;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>
    /// Writes a scan as one SARIF 2.1.0 run that GitHub code scanning accepts as it is: rules with help and
    /// GitHub's properties, formatted messages that link their config lines, repo-relative URIs, line-hash
    /// fingerprints, and the files that could not be read as tool notifications. The same scan always gives the
    /// same bytes.
    /// </summary>
    internal sealed class SarifReportWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        /// <summary>Every URI is relative to the root of the scanned repository; GitHub resolves them against the checkout.</summary>
        public const string SourceRootBaseId = "%SRCROOT%";

        // GitHub code scanning's hard limits per result (beyond them the whole upload is rejected), and the
        // number of tags per rule it displays. Source: docs.github.com, "SARIF results exceed one or more limits".
        private const int GitHubLocationsPerResult = 1_000;
        private const int GitHubThreadFlowLocationsPerResult = 10_000;
        private const int GitHubDisplayedTagsPerRule = 10;

        private const string SecurityTag = "security";

        private readonly Func<string, string?> _readRepoFile;
        private readonly SarifReportOptions _options;

        /// <param name="readRepoFile">
        /// The text of a repo-relative file, or null when it cannot be read; the line-hash fingerprints are
        /// computed from it. Give the text as decoded from UTF-8 with a byte-order mark kept.
        /// </param>
        /// <param name="options">What to include beyond the defaults.</param>
        public SarifReportWriter(Func<string, string?> readRepoFile, SarifReportOptions? options = null)
        {
            _readRepoFile = readRepoFile ?? throw new ArgumentNullException(nameof(readRepoFile));
            _options = options ?? new SarifReportOptions();
        }

        /// <summary>Builds the SARIF object model for <paramref name="scan"/>.</summary>
        public SarifLog CreateLog(ScanResult scan)
        {
            ArgumentNullException.ThrowIfNull(scan);

            var rules = scan.Rules.OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();
            var ruleIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rules.Count; i++)
            {
                ruleIndexById.TryAdd(rules[i].Id, i);
            }

            var reported = scan.Findings.Where(finding => _options.IncludeSuppressed || finding.Suppression is null).ToList();
            var kept = KeepMostSevere(reported, _options.ResultLimit);
            kept.Sort(ReportOrder.Findings);

            var notifications = scan.Notifications.OrderBy(notification => notification, ReportOrder.Notifications).ToList();
            if (kept.Count < reported.Count)
            {
                notifications.Add(new ToolNotification(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The scan found {0:N0} results but GitHub code scanning accepts at most {1:N0} per run: the {2:N0} least severe were left out of this file.",
                        reported.Count,
                        _options.ResultLimit,
                        reported.Count - kept.Count),
                    FindingLevel.Warning));
            }

            var lineHashes = new LineHashCache(_readRepoFile);
            var run = new Run
            {
                Tool = new Tool
                {
                    Driver = new ToolComponent
                    {
                        Name = ToolIdentity.Name,
                        SemanticVersion = ToolIdentity.SemanticVersion,
                        InformationUri = new Uri(ToolIdentity.InformationUri, UriKind.Absolute),
                        Rules = rules.Select(CreateRule).ToList(),
                    },
                },
                Results = kept.Select(finding => CreateResult(finding, ruleIndexById, lineHashes)).ToList(),
                Invocations = new List<Invocation> { CreateInvocation(scan, notifications) },
                ColumnKind = ColumnKind.Utf16CodeUnits,
            };

            return new SarifLog
            {
                SchemaUri = new Uri(SchemaUri, UriKind.Absolute),
                Version = SarifVersion.Current,
                Runs = new List<Run> { run },
            };
        }

        /// <summary>Writes the SARIF file: UTF-8 without a byte-order mark, two-space indent, <c>\n</c> line ends.</summary>
        public void Write(ScanResult scan, Stream destination)
        {
            ArgumentNullException.ThrowIfNull(destination);
            var log = CreateLog(scan);

            var serializerSettings = new JsonSerializerSettings { ContractResolver = new ExplicitLevelContractResolver() };
            var compact = JsonConvert.SerializeObject(log, Formatting.None, serializerSettings);

            // The SDK writes property bags as pre-serialized raw JSON, which escapes the writer's indentation; reading
            // the whole document back and writing it once more gives every part the same layout.
            JToken document;
            using (var reader = new JsonTextReader(new StringReader(compact)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
            {
                document = JToken.ReadFrom(reader);
            }

            using var text = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 65536, leaveOpen: true) { NewLine = "\n" };
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, IndentChar = ' ', CloseOutput = false })
            {
                document.WriteTo(json);
            }

            text.Write('\n');
        }

        private static List<Finding> KeepMostSevere(List<Finding> findings, int limit)
        {
            if (findings.Count <= limit)
            {
                return findings;
            }

            return findings
                .OrderByDescending(finding => finding.Level)
                .ThenBy(finding => finding, ReportOrder.Findings)
                .Take(Math.Max(0, limit))
                .ToList();
        }

        private static ReportingDescriptor CreateRule(RuleMetadata metadata)
        {
            // GitHub requires help; a rule whose doc has not been written yet still says what it finds.
            var helpText = string.IsNullOrWhiteSpace(metadata.HelpText) ? metadata.Description : metadata.HelpText;
            var helpMarkdown = string.IsNullOrWhiteSpace(metadata.HelpMarkdown) ? helpText : metadata.HelpMarkdown;

            var rule = new ReportingDescriptor
            {
                Id = metadata.Id,
                Name = RuleName.FromTitle(metadata.Title),
                ShortDescription = new MultiformatMessageString { Text = metadata.Title },
                FullDescription = new MultiformatMessageString { Text = metadata.Description },
                Help = new MultiformatMessageString { Text = helpText, Markdown = helpMarkdown },
                HelpUri = RuleHelpUri.Resolve(metadata.HelpUri),
                DefaultConfiguration = new ReportingConfiguration
                {
                    Level = ToFailureLevel(metadata.DefaultSeverity),
                    Enabled = metadata.IsEnabledByDefault,
                },
            };

            var tags = metadata.Tags
                .Where(tag => !string.IsNullOrWhiteSpace(tag))
                .Distinct(StringComparer.Ordinal)
                .Take(GitHubDisplayedTagsPerRule)
                .ToList();
            if (tags.Count > 0)
            {
                rule.SetProperty("tags", tags);
            }

            rule.SetProperty("precision", metadata.Precision);
            rule.SetProperty("problem.severity", metadata.ProblemSeverity);

            // GitHub ranks any rule with a security-severity as a security alert; only security rules may have one.
            if (metadata.SecuritySeverity is not null && tags.Contains(SecurityTag, StringComparer.OrdinalIgnoreCase))
            {
                rule.SetProperty("security-severity", metadata.SecuritySeverity);
            }

            return rule;
        }

        private static Result CreateResult(Finding finding, Dictionary<string, int> ruleIndexById, LineHashCache lineHashes)
        {
            var related = finding.Related.OrderBy(location => location.Id).Take(GitHubLocationsPerResult).ToList();
            var result = new Result
            {
                RuleId = finding.RuleId,
                RuleIndex = ruleIndexById.TryGetValue(finding.RuleId, out var ruleIndex) ? ruleIndex : -1,
                Level = ToFailureLevel(finding.Level),
                Message = new Message { Text = MessageLinks.Link(finding.Message, related) },
                Locations = new List<Location> { new() { PhysicalLocation = CreatePhysicalLocation(finding.Primary) } },
            };

            if (related.Count > 0)
            {
                result.RelatedLocations = related
                    .Select(location => new Location
                    {
                        Id = location.Id,
                        PhysicalLocation = CreatePhysicalLocation(location.Location),
                        Message = new Message { Text = MessageLinks.Escape(location.Label) },
                    })
                    .ToList();
            }

            if (finding.Flow.Count > 0)
            {
                var steps = finding.Flow
                    .Take(GitHubThreadFlowLocationsPerResult)
                    .Select(step => new ThreadFlowLocation
                    {
                        Location = new Location
                        {
                            PhysicalLocation = CreatePhysicalLocation(step.Location),
                            Message = new Message { Text = MessageLinks.Escape(step.Message) },
                        },
                    })
                    .ToList();
                result.CodeFlows = new List<CodeFlow> { new() { ThreadFlows = new List<ThreadFlow> { new() { Locations = steps } } } };
            }

            var lineHash = lineHashes.For(finding.Primary.Path, finding.Primary.StartLine);
            if (lineHash is not null)
            {
                result.PartialFingerprints = new Dictionary<string, string>(StringComparer.Ordinal) { ["primaryLocationLineHash"] = lineHash };
            }

            if (finding.Suppression is not null)
            {
                result.Suppressions = new List<Suppression>
                {
                    new()
                    {
                        Kind = ToSuppressionKind(finding.Suppression.Kind),
                        Justification = string.IsNullOrWhiteSpace(finding.Suppression.Justification) ? null : finding.Suppression.Justification,
                    },
                };
            }

            if (finding.Unit is not null)
            {
                result.SetProperty("unit", finding.Unit);
            }

            if (finding.Platform is not null)
            {
                result.SetProperty("platform", finding.Platform);
            }

            return result;
        }

        private Invocation CreateInvocation(ScanResult scan, List<ToolNotification> notifications)
        {
            var invocation = new Invocation
            {
                ExecutionSuccessful = scan.ExecutionSuccessful,
                ToolExecutionNotifications = notifications.Count == 0 ? null : notifications.Select(CreateNotification).ToList(),
            };

            if (_options.Timestamps is { } times)
            {
                invocation.StartTimeUtc = times.Start.UtcDateTime;
                invocation.EndTimeUtc = times.End.UtcDateTime;
            }

            return invocation;
        }

        private static Notification CreateNotification(ToolNotification notification)
        {
            return new Notification
            {
                Message = new Message { Text = MessageLinks.Escape(notification.Message) },
                Level = ToFailureLevel(notification.Level),
                Descriptor = notification.Id is null ? null : new ReportingDescriptorReference { Id = notification.Id },
                Locations = notification.Location is null
                    ? null
                    : new List<Location> { new() { PhysicalLocation = CreatePhysicalLocation(notification.Location) } },
            };
        }

        private static PhysicalLocation CreatePhysicalLocation(SourceLocation location)
        {
            return new PhysicalLocation
            {
                ArtifactLocation = new ArtifactLocation
                {
                    Uri = new Uri(RelativeUri(location.Path), UriKind.Relative),
                    UriBaseId = SourceRootBaseId,
                },
                Region = new Region
                {
                    StartLine = location.StartLine,
                    StartColumn = location.StartColumn,
                    EndLine = location.EndLine,
                    EndColumn = location.EndColumn,
                },
            };
        }

        /// <summary><c>src/My App/Função.cs</c> → <c>src/My%20App/Fun%C3%A7%C3%A3o.cs</c>: a valid relative URI that upload-sarif decodes back to the path.</summary>
        private static string RelativeUri(string repoRelativePath)
        {
            var segments = repoRelativePath.Replace('\\', '/').Split('/');
            return string.Join("/", segments.Select(Uri.EscapeDataString));
        }

        private static FailureLevel ToFailureLevel(FindingLevel level) => level switch
        {
            FindingLevel.Error => FailureLevel.Error,
            FindingLevel.Warning => FailureLevel.Warning,
            _ => FailureLevel.Note,
        };

        private static FailureLevel ToFailureLevel(RuleSeverity severity) => severity switch
        {
            RuleSeverity.Error => FailureLevel.Error,
            RuleSeverity.Warning => FailureLevel.Warning,
            _ => FailureLevel.Note,
        };

        // #pragma warning disable and [SuppressMessage] live in the code; anything else (.platformfit.yml,
        // a baseline) lives outside it.
        private static SuppressionKind ToSuppressionKind(string kind) =>
            kind.Equals("pragma", StringComparison.OrdinalIgnoreCase)
            || kind.Equals("attribute", StringComparison.OrdinalIgnoreCase)
            || kind.Equals("inSource", StringComparison.OrdinalIgnoreCase)
                ? SuppressionKind.InSource
                : SuppressionKind.External;

        /// <summary>
        /// The SDK leaves out a <c>level</c> equal to SARIF's default (<c>warning</c>), and with it a rule's whole
        /// <c>defaultConfiguration</c>; readers of the file, people and scripts, should not need to know that
        /// default, so every level is written.
        /// </summary>
        private sealed class ExplicitLevelContractResolver : DefaultContractResolver
        {
            protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
            {
                var property = base.CreateProperty(member, memberSerialization);
                if (property.PropertyName is "level" or "defaultConfiguration")
                {
                    property.DefaultValueHandling = DefaultValueHandling.Include;
                    property.ShouldSerialize = null;
                }

                return property;
            }
        }

        /// <summary>Hashes each file once, however many findings it holds.</summary>
        private sealed class LineHashCache
        {
            private readonly Func<string, string?> _readRepoFile;
            private readonly Dictionary<string, IReadOnlyList<string>?> _hashesByPath = new(StringComparer.Ordinal);

            public LineHashCache(Func<string, string?> readRepoFile) => _readRepoFile = readRepoFile;

            public string? For(string path, int line)
            {
                if (!_hashesByPath.TryGetValue(path, out var hashes))
                {
                    var text = _readRepoFile(path);
                    hashes = text is null ? null : PrimaryLocationLineHash.ForEveryLine(text);
                    _hashesByPath.Add(path, hashes);
                }

                return hashes is not null && line >= 1 && line <= hashes.Count ? hashes[line - 1] : null;
            }
        }
    }
}
