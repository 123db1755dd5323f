using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PlatformFit.Cli.Projects
{
    /// <summary>
    /// Reads a <c>.csproj</c> as XML, without MSBuild evaluation: the project never runs (DESIGN decision 2). Properties are
    /// read in MSBuild's order — the nearest <c>Directory.Build.props</c> first, then the project — with <c>$(Name)</c>
    /// substitution of properties already read. Conditions are ignored, except that parts meant only for Debug builds are
    /// skipped: we read the Release build, which is what gets deployed.
    /// </summary>
    internal static class CsprojReader
    {
        /// <summary>Project and props files above this size are hostile or generated; MSBuild would choke on them too.</summary>
        public const long MaxProjectFileBytes = 10L * 1024 * 1024;

        public static ProjectInfo Read(string projectFilePath, string repositoryRoot)
        {
            var fullPath = ProjectPaths.TryGetFullPath(projectFilePath, Directory.GetCurrentDirectory()) ?? projectFilePath;
            var root = ProjectPaths.TryGetFullPath(repositoryRoot, Directory.GetCurrentDirectory())
                ?? Path.GetDirectoryName(fullPath)
                ?? fullPath;
            var evaluation = new ProjectEvaluation(fullPath, root);
            try
            {
                evaluation.Run();
            }
            catch (Exception exception) when (IsInputFailure(exception))
            {
                // The file system changed under us or a path is one this OS cannot represent: report, keep what was read.
                evaluation.AddProblem(ProjectProblem.Error(fullPath, $"The project could not be evaluated completely ({exception.GetType().Name})."));
            }

            return evaluation.ToProjectInfo();
        }

        internal static bool IsInputFailure(Exception exception) =>
            exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException;

        /// <summary>The state of one project's evaluation: properties as they are written, items deferred until all properties are known.</summary>
        private sealed class ProjectEvaluation
        {
            private const int MaxImportDepth = 16;

            // '$(Configuration)' == 'Debug', '$(Configuration)|$(Platform)' == 'Debug|AnyCPU', and the same reversed.
            private static readonly Regex DebugOnlyCondition = new(
                @"'\s*\$\(\s*Configuration\s*\)[^']*'\s*==\s*'\s*Debug\s*(\|[^']*)?'|'\s*Debug\s*(\|[^']*)?'\s*==\s*'\s*\$\(\s*Configuration\s*\)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

            private readonly string _projectFilePath;
            private readonly string _projectDirectory;
            private readonly string _projectName;
            private readonly string _repositoryRoot;
            private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase);
            private readonly List<(XElement Item, string File)> _deferredItems = new();
            private readonly List<ProjectProblem> _problems = new();
            private readonly List<string> _importedFiles = new();
            private readonly List<string> _importStack = new();
            private readonly List<string> _sdks = new();
            private bool _isSdkStyle;
            private bool _projectLoaded;

            // Counts reads of properties nobody set; an import path that needed one cannot be trusted.
            private int _undefinedPropertyReads;

            public ProjectEvaluation(string projectFilePath, string repositoryRoot)
            {
                _projectFilePath = projectFilePath;
                _projectDirectory = ProjectPaths.TrimTrailingSeparator(Path.GetDirectoryName(projectFilePath) ?? projectFilePath);
                _projectName = Path.GetFileNameWithoutExtension(projectFilePath);
                _repositoryRoot = repositoryRoot;

                // We read the Release build; a project that writes <Configuration>Debug</Configuration> as a default does not change that.
                _properties["Configuration"] = "Release";
            }

            public void Run()
            {
                var project = LoadProjectXml(_projectFilePath);
                _projectLoaded = project is not null;
                if (project is not null)
                {
                    CollectSdks(project);
                }
                else
                {
                    // Nearly every project written today is SDK-style: the SDK's defaults (sources by glob) are the best
                    // guess for a file we could not read, and analysing its sources beats reporting nothing.
                    _isSdkStyle = true;
                }

                // On the stack from the start: a props file that imports the project back is a cycle, not a second evaluation.
                _importStack.Add(_projectFilePath);

                // Both Sdk.props and the legacy Microsoft.Common.props import the nearest Directory.Build.props before the project body.
                var directoryBuildProps = FindFileAbove("Directory.Build.props", _projectDirectory, exclude: null);
                if (directoryBuildProps is not null)
                {
                    EvaluateImport(directoryBuildProps, importedFrom: _projectFilePath, element: null);
                }

                if (project is not null)
                {
                    EvaluateBody(project, _projectFilePath);
                }
            }

            public ProjectInfo ToProjectInfo()
            {
                var items = EvaluateItems();
                var sdk = _sdks.Count > 0 ? _sdks[0] : null;

                var targetFrameworks = SplitList(Get("TargetFrameworks"));
                if (targetFrameworks.Count == 0)
                {
                    targetFrameworks = SplitList(Get("TargetFramework"));
                }

                if (targetFrameworks.Count == 0 && !_isSdkStyle && Get("TargetFrameworkVersion") is { } legacyVersion)
                {
                    // Legacy projects name only the .NET Framework version: v4.7.2 is what SDK projects call net472.
                    targetFrameworks = new[] { "net" + legacyVersion.TrimStart('v', 'V').Replace(".", string.Empty, StringComparison.Ordinal) };
                }

                targetFrameworks = targetFrameworks.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                if (targetFrameworks.Count == 0 && _projectLoaded)
                {
                    _problems.Add(ProjectProblem.Warning(_projectFilePath, "The project names no TargetFramework; it is bound against the newest installed framework."));
                }

                var defaultOutputType = sdk is not null
                    && (sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
                        || sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
                    ? "Exe"
                    : "Library";

                var enableDefaultCompileItems = _isSdkStyle
                    && ParseBool(Get("EnableDefaultItems")) != false
                    && ParseBool(Get("EnableDefaultCompileItems")) != false;

                return new ProjectInfo
                {
                    ProjectFilePath = _projectFilePath,
                    ProjectDirectory = _projectDirectory,
                    ProjectName = _projectName,
                    IsSdkStyle = _isSdkStyle,
                    Sdk = sdk,
                    AssemblyName = Get("AssemblyName") ?? _projectName,
                    RootNamespace = Get("RootNamespace") ?? _projectName.Replace(' ', '_'),
                    TargetFrameworks = targetFrameworks,
                    OutputType = Get("OutputType") ?? defaultOutputType,
                    ImplicitUsings = Get("ImplicitUsings"),
                    Nullable = Get("Nullable"),
                    LangVersion = Get("LangVersion"),
                    DefineConstants = SplitList(Get("DefineConstants"), ';', ','),
                    AllowUnsafeBlocks = ParseBool(Get("AllowUnsafeBlocks")) == true,
                    RuntimeIdentifier = Get("RuntimeIdentifier"),
                    RuntimeIdentifiers = SplitList(Get("RuntimeIdentifiers")),
                    PublishAot = ParseBool(Get("PublishAot")),
                    SelfContained = ParseBool(Get("SelfContained")),
                    RollForward = Get("RollForward"),
                    EnableDefaultCompileItems = enableDefaultCompileItems,
                    CompileItems = items.Compile,
                    PackageReferences = items.Packages,
                    FrameworkReferences = items.Frameworks,
                    ProjectReferences = items.Projects,
                    Usings = items.Usings,
                    Properties = new Dictionary<string, string>(_properties, StringComparer.OrdinalIgnoreCase),
                    ImportedFiles = _importedFiles.ToArray(),
                    Problems = _problems.ToArray(),
                };
            }

            public void AddProblem(ProjectProblem problem) => _problems.Add(problem);

            private string? Get(string name) => _properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

            private XElement? LoadProjectXml(string path)
            {
                try
                {
                    var length = new FileInfo(path).Length;
                    if (length > MaxProjectFileBytes)
                    {
                        _problems.Add(ProjectProblem.Error(path, $"The file is {length / (1024 * 1024)} MB, above the {MaxProjectFileBytes / (1024 * 1024)} MB limit for project files; it was not read."));
                        return null;
                    }

                    var settings = new XmlReaderSettings
                    {
                        // A project file has no business declaring entities; prohibiting DTDs also rules out entity-expansion bombs.
                        DtdProcessing = DtdProcessing.Prohibit,
                        XmlResolver = null,
                        IgnoreComments = true,
                        IgnoreProcessingInstructions = true,
                    };
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
                    using var reader = XmlReader.Create(stream, settings);
                    var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
                    var root = document.Root;
                    if (root is null || root.Name.LocalName != "Project")
                    {
                        _problems.Add(ProjectProblem.Error(path, "The file is not an MSBuild project: its root element is not <Project>.", LineOf(root), ColumnOf(root)));
                        return null;
                    }

                    return root;
                }
                catch (XmlException exception)
                {
                    _problems.Add(ProjectProblem.Error(path, $"The file is not well-formed XML: {FirstSentence(exception.Message)}", exception.LineNumber, exception.LinePosition));
                }
                catch (IOException exception)
                {
                    _problems.Add(ProjectProblem.Error(path, $"The file could not be read: {exception.GetType().Name}."));
                }
                catch (UnauthorizedAccessException)
                {
                    _problems.Add(ProjectProblem.Error(path, "The file could not be read: access denied."));
                }

                return null;
            }

            private void CollectSdks(XElement project)
            {
                AddSdks(project.Attribute("Sdk")?.Value);
                foreach (var element in project.Elements())
                {
                    if (element.Name.LocalName == "Sdk")
                    {
                        AddSdks(element.Attribute("Name")?.Value);
                    }
                    else if (element.Name.LocalName == "Import")
                    {
                        AddSdks(element.Attribute("Sdk")?.Value);
                    }
                }
            }

            private void AddSdks(string? value)
            {
                foreach (var sdk in SplitList(value))
                {
                    // "Microsoft.NET.Sdk/8.0.100" pins a version; the name is what decides the defaults.
                    var slash = sdk.IndexOf('/', StringComparison.Ordinal);
                    var name = slash >= 0 ? sdk[..slash].Trim() : sdk;
                    if (name.Length > 0 && !_sdks.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        _sdks.Add(name);
                    }

                    _isSdkStyle = true;
                }
            }

            private void EvaluateBody(XElement container, string file)
            {
                foreach (var element in container.Elements())
                {
                    if (IsDebugOnly(element))
                    {
                        continue;
                    }

                    switch (element.Name.LocalName)
                    {
                        case "PropertyGroup":
                            EvaluatePropertyGroup(element, file);
                            break;
                        case "ItemGroup":
                            foreach (var item in element.Elements())
                            {
                                if (!IsDebugOnly(item))
                                {
                                    _deferredItems.Add((item, file));
                                }
                            }

                            break;
                        case "Import":
                            EvaluateImportElement(element, file);
                            break;
                        case "ImportGroup":
                            EvaluateBody(element, file);
                            break;
                        case "Choose":
                            _problems.Add(ProjectProblem.Note(file, "A <Choose> block was not evaluated; the properties and items inside it are not read.", LineOf(element), ColumnOf(element)));
                            break;
                    }
                }
            }

            private void EvaluatePropertyGroup(XElement group, string file)
            {
                foreach (var property in group.Elements())
                {
                    if (property.HasElements || IsDebugOnly(property))
                    {
                        continue;
                    }

                    var name = property.Name.LocalName;
                    if (name.Equals("Configuration", StringComparison.OrdinalIgnoreCase) || IsReservedProperty(name))
                    {
                        continue;
                    }

                    var value = Expand(property.Value.Trim(), file, property);
                    _properties[name] = value;
                }
            }

            private void EvaluateImportElement(XElement element, string file)
            {
                if (element.Attribute("Sdk") is not null)
                {
                    return; // The SDK's own props and targets: what they set is modelled by the loader's defaults.
                }

                var projectAttribute = element.Attribute("Project")?.Value;
                if (string.IsNullOrWhiteSpace(projectAttribute))
                {
                    return;
                }

                var undefinedBefore = _undefinedPropertyReads;
                var expanded = Expand(projectAttribute.Trim(), file, element);
                if (expanded.Length == 0)
                {
                    return; // A GetPathOfFileAbove that found nothing: MSBuild's Condition="Exists(…)" would skip it too.
                }

                // $(MSBuildExtensionsPath), $(MSBuildToolsPath) and the like point into the MSBuild installation, which we do not model.
                if (_undefinedPropertyReads != undefinedBefore
                    || expanded.Contains("$(", StringComparison.Ordinal) || expanded.Contains('*', StringComparison.Ordinal) || expanded.Contains('?', StringComparison.Ordinal))
                {
                    _problems.Add(ProjectProblem.Note(file, $"The import '{projectAttribute.Trim()}' could not be resolved without MSBuild; what it sets is not read.", LineOf(element), ColumnOf(element)));
                    return;
                }

                var importDirectory = Path.GetDirectoryName(file) ?? _projectDirectory;
                var path = ProjectPaths.TryGetFullPath(expanded, importDirectory);
                if (path is null || ProjectPaths.ResolveInsideRepository(path, _repositoryRoot) is null)
                {
                    _problems.Add(ProjectProblem.Note(file, $"The import '{projectAttribute.Trim()}' is outside the repository; what it sets is not read.", LineOf(element), ColumnOf(element)));
                    return;
                }

                if (!File.Exists(path))
                {
                    _problems.Add(ProjectProblem.Note(file, $"The import '{projectAttribute.Trim()}' does not exist; what it sets is not read.", LineOf(element), ColumnOf(element)));
                    return;
                }

                EvaluateImport(path, file, element);
            }

            private void EvaluateImport(string path, string importedFrom, XElement? element)
            {
                if (_importStack.Contains(path, ProjectPaths.Comparer))
                {
                    _problems.Add(ProjectProblem.Warning(importedFrom, $"'{ProjectPaths.ToDisplayPath(path, _repositoryRoot)}' imports itself through a cycle; the cycle is not followed.", LineOf(element), ColumnOf(element)));
                    return;
                }

                if (_importStack.Count >= MaxImportDepth)
                {
                    _problems.Add(ProjectProblem.Warning(importedFrom, $"Imports nest deeper than {MaxImportDepth} levels; '{ProjectPaths.ToDisplayPath(path, _repositoryRoot)}' is not read.", LineOf(element), ColumnOf(element)));
                    return;
                }

                var root = LoadProjectXml(path);
                if (root is null)
                {
                    return;
                }

                _importedFiles.Add(path);
                _importStack.Add(path);
                EvaluateBody(root, path);
                _importStack.RemoveAt(_importStack.Count - 1);
            }

            private (IReadOnlyList<CompileItem> Compile, IReadOnlyList<PackageReferenceItem> Packages, IReadOnlyList<string> Frameworks, IReadOnlyList<string> Projects, IReadOnlyList<UsingItem> Usings) EvaluateItems()
            {
                var compile = new List<CompileItem>();
                var packages = new List<PackageReferenceItem>();
                var frameworks = new List<string>();
                var projects = new List<string>();
                var usings = new List<UsingItem>();

                // MSBuild evaluates all properties before any item, so items see the final property values.
                foreach (var (item, file) in _deferredItems)
                {
                    var include = ExpandedAttribute(item, "Include", file);
                    var remove = ExpandedAttribute(item, "Remove", file);
                    var update = ExpandedAttribute(item, "Update", file);
                    switch (item.Name.LocalName)
                    {
                        case "Compile":
                            var excludes = SplitList(ExpandedAttribute(item, "Exclude", file));
                            compile.AddRange(SplitList(include).Select(pattern => new CompileItem(CompileItemKind.Include, pattern) { Excludes = excludes }));
                            compile.AddRange(SplitList(remove).Select(pattern => new CompileItem(CompileItemKind.Remove, pattern)));
                            break;

                        case "PackageReference":
                            var version = Metadata(item, "Version", file) ?? Metadata(item, "VersionOverride", file);
                            foreach (var id in SplitList(include))
                            {
                                packages.RemoveAll(package => package.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
                                packages.Add(new PackageReferenceItem(id, version));
                            }

                            foreach (var id in SplitList(remove))
                            {
                                packages.RemoveAll(package => package.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
                            }

                            if (version is not null)
                            {
                                foreach (var id in SplitList(update))
                                {
                                    var index = packages.FindIndex(package => package.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
                                    if (index >= 0)
                                    {
                                        packages[index] = packages[index] with { Version = version };
                                    }
                                }
                            }

                            break;

                        case "FrameworkReference":
                            AddDistinct(frameworks, SplitList(include), StringComparer.OrdinalIgnoreCase);
                            frameworks.RemoveAll(name => SplitList(remove).Contains(name, StringComparer.OrdinalIgnoreCase));
                            break;

                        case "ProjectReference":
                            AddDistinct(projects, ResolveProjectPaths(include, item, file), ProjectPaths.Comparer);
                            var removed = ResolveProjectPaths(remove, item, file);
                            projects.RemoveAll(path => removed.Contains(path, ProjectPaths.Comparer));
                            break;

                        case "Using":
                            var alias = Metadata(item, "Alias", file);
                            var isStatic = ParseBool(Metadata(item, "Static", file)) == true;
                            usings.AddRange(SplitList(include).Select(name => new UsingItem(name, alias, isStatic, IsRemove: false)));
                            usings.AddRange(SplitList(remove).Select(name => new UsingItem(name, null, false, IsRemove: true)));
                            break;
                    }
                }

                return (compile, packages, frameworks, projects, usings);
            }

            private List<string> ResolveProjectPaths(string? value, XElement item, string file)
            {
                var paths = new List<string>();
                foreach (var reference in SplitList(value))
                {
                    // Item paths are relative to the project, wherever the item is written (unlike Import paths).
                    var path = reference.Contains("$(", StringComparison.Ordinal) ? null : ProjectPaths.TryGetFullPath(reference, _projectDirectory);
                    if (path is null)
                    {
                        _problems.Add(ProjectProblem.Note(file, $"The project reference '{reference}' could not be resolved without MSBuild.", LineOf(item), ColumnOf(item)));
                        continue;
                    }

                    paths.Add(path);
                }

                return paths;
            }

            private string? ExpandedAttribute(XElement element, string name, string file)
            {
                var value = element.Attribute(name)?.Value;
                return value is null ? null : Expand(value.Trim(), file, element);
            }

            private string? Metadata(XElement item, string name, string file)
            {
                var value = item.Attribute(name)?.Value
                    ?? item.Elements().FirstOrDefault(child => child.Name.LocalName == name && !IsDebugOnly(child))?.Value;
                if (value is null)
                {
                    return null;
                }

                var expanded = Expand(value.Trim(), file, item);
                return expanded.Length == 0 ? null : expanded;
            }

            private static bool IsDebugOnly(XElement element)
            {
                var condition = element.Attribute("Condition")?.Value;
                return condition is not null && DebugOnlyCondition.IsMatch(condition);
            }

            private static bool IsReservedProperty(string name) =>
                name.StartsWith("MSBuildProject", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("MSBuildThisFile", StringComparison.OrdinalIgnoreCase);

            /// <summary>
            /// Substitutes <c>$(Name)</c> with properties read so far (unknown ones are empty, as in MSBuild), the reserved
            /// MSBuildProject*/MSBuildThisFile* properties, and the few property functions repositories use to find their
            /// props files. Other property functions are left as written and noted.
            /// </summary>
            private string Expand(string text, string file, XElement? element)
            {
                if (!text.Contains("$(", StringComparison.Ordinal))
                {
                    return text;
                }

                var result = new StringBuilder(text.Length);
                var position = 0;
                while (position < text.Length)
                {
                    var start = text.IndexOf("$(", position, StringComparison.Ordinal);
                    if (start < 0)
                    {
                        result.Append(text, position, text.Length - position);
                        break;
                    }

                    result.Append(text, position, start - position);
                    var end = FindClosingParenthesis(text, start + 1);
                    if (end < 0)
                    {
                        result.Append(text, start, text.Length - start);
                        break;
                    }

                    var inner = text.Substring(start + 2, end - start - 2).Trim();
                    var replacement = IsPropertyName(inner)
                        ? LookUp(inner, file)
                        : EvaluateFunction(inner, file, element);
                    result.Append(replacement ?? text.Substring(start, end - start + 1));
                    position = end + 1;
                }

                return result.ToString();
            }

            private string LookUp(string name, string file)
            {
                var thisFileDirectory = (Path.GetDirectoryName(file) ?? _projectDirectory) + Path.DirectorySeparatorChar;
                return name.ToUpperInvariant() switch
                {
                    "MSBUILDPROJECTNAME" => _projectName,
                    "MSBUILDPROJECTDIRECTORY" => _projectDirectory,
                    "MSBUILDPROJECTFILE" => Path.GetFileName(_projectFilePath),
                    "MSBUILDPROJECTFULLPATH" => _projectFilePath,
                    "MSBUILDPROJECTEXTENSION" => Path.GetExtension(_projectFilePath),
                    "MSBUILDTHISFILEDIRECTORY" => thisFileDirectory,
                    "MSBUILDTHISFILE" => Path.GetFileName(file),
                    "MSBUILDTHISFILENAME" => Path.GetFileNameWithoutExtension(file),
                    "MSBUILDTHISFILEEXTENSION" => Path.GetExtension(file),
                    "MSBUILDTHISFILEFULLPATH" => file,
                    _ => _properties.TryGetValue(name, out var value) ? value : Undefined(),
                };
            }

            private string Undefined()
            {
                _undefinedPropertyReads++;
                return string.Empty;
            }

            /// <summary>Returns null when the function is not one we evaluate: the caller keeps the text as written.</summary>
            private string? EvaluateFunction(string inner, string file, XElement? element)
            {
                const string MSBuildPrefix = "[MSBuild]::";
                if (inner.StartsWith(MSBuildPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    var call = inner[MSBuildPrefix.Length..];
                    var open = call.IndexOf('(', StringComparison.Ordinal);
                    if (open > 0 && call.EndsWith(')'))
                    {
                        var name = call[..open].Trim();
                        var arguments = SplitArguments(call[(open + 1)..^1]).Select(argument => Expand(argument, file, element)).ToArray();
                        var thisFileDirectory = Path.GetDirectoryName(file) ?? _projectDirectory;
                        switch (name.ToUpperInvariant())
                        {
                            case "GETPATHOFFILEABOVE" when arguments.Length is 1 or 2:
                            {
                                var startDirectory = arguments.Length == 2 ? ProjectPaths.TryGetFullPath(arguments[1], thisFileDirectory) : thisFileDirectory;
                                return startDirectory is null ? string.Empty : FindFileAbove(arguments[0], startDirectory, exclude: file) ?? string.Empty;
                            }

                            case "GETDIRECTORYNAMEOFFILEABOVE" when arguments.Length == 2:
                            {
                                var startDirectory = ProjectPaths.TryGetFullPath(arguments[0], thisFileDirectory);
                                var found = startDirectory is null ? null : FindFileAbove(arguments[1], startDirectory, exclude: file);
                                return found is null ? string.Empty : Path.GetDirectoryName(found) ?? string.Empty;
                            }

                            case "ENSURETRAILINGSLASH" when arguments.Length == 1:
                                return arguments[0].Length == 0 || arguments[0].EndsWith('/') || arguments[0].EndsWith('\\')
                                    ? arguments[0]
                                    : arguments[0] + Path.DirectorySeparatorChar;
                        }
                    }
                }

                _problems.Add(ProjectProblem.Note(file, $"The property function '$({Truncate(inner, 80)})' is not evaluated without MSBuild; it is kept as written.", LineOf(element), ColumnOf(element)));
                return null;
            }

            /// <summary>The nearest file of that name in <paramref name="startDirectory"/> or above, never above the repository root.</summary>
            private string? FindFileAbove(string fileName, string startDirectory, string? exclude)
            {
                if (fileName.Length == 0 || fileName.AsSpan().IndexOfAny('/', '\\') >= 0)
                {
                    return null;
                }

                var directory = ProjectPaths.TrimTrailingSeparator(startDirectory);
                while (ProjectPaths.IsWithin(directory, _repositoryRoot))
                {
                    var candidate = Path.Combine(directory, fileName);
                    if (File.Exists(candidate)
                        && (exclude is null || !string.Equals(candidate, exclude, ProjectPaths.Comparison))
                        && ProjectPaths.ResolveInsideRepository(candidate, _repositoryRoot) is not null)
                    {
                        return candidate;
                    }

                    var parent = Path.GetDirectoryName(directory);
                    if (parent is null || parent.Length >= directory.Length)
                    {
                        break;
                    }

                    directory = parent;
                }

                return null;
            }

            private static int FindClosingParenthesis(string text, int open)
            {
                var depth = 0;
                var quote = '\0';
                for (var index = open; index < text.Length; index++)
                {
                    var character = text[index];
                    if (quote != '\0')
                    {
                        if (character == quote)
                        {
                            quote = '\0';
                        }
                    }
                    else if (character is '\'' or '"' or '`')
                    {
                        quote = character;
                    }
                    else if (character == '(')
                    {
                        depth++;
                    }
                    else if (character == ')' && --depth == 0)
                    {
                        return index;
                    }
                }

                return -1;
            }

            private static List<string> SplitArguments(string text)
            {
                var arguments = new List<string>();
                var depth = 0;
                var quote = '\0';
                var start = 0;
                for (var index = 0; index <= text.Length; index++)
                {
                    var character = index < text.Length ? text[index] : ',';
                    if (quote != '\0')
                    {
                        if (character == quote)
                        {
                            quote = '\0';
                        }
                    }
                    else if (character is '\'' or '"' or '`')
                    {
                        quote = character;
                    }
                    else if (character == '(')
                    {
                        depth++;
                    }
                    else if (character == ')')
                    {
                        depth--;
                    }
                    else if (character == ',' && depth == 0)
                    {
                        var argument = text[start..Math.Min(index, text.Length)].Trim();
                        if (argument.Length >= 2 && argument[0] is '\'' or '"' or '`' && argument[^1] == argument[0])
                        {
                            argument = argument[1..^1];
                        }

                        if (argument.Length > 0 || index < text.Length)
                        {
                            arguments.Add(argument);
                        }

                        start = index + 1;
                    }
                }

                return arguments;
            }

            private static bool IsPropertyName(string text)
            {
                if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
                {
                    return false;
                }

                foreach (var character in text)
                {
                    if (!(char.IsAsciiLetterOrDigit(character) || character is '_' or '-'))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static void AddDistinct(List<string> list, IEnumerable<string> values, StringComparer comparer)
            {
                foreach (var value in values)
                {
                    if (!list.Contains(value, comparer))
                    {
                        list.Add(value);
                    }
                }
            }

            private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

            private static string FirstSentence(string message)
            {
                // XmlException messages end with " Line 3, position 5." — the problem carries the position already.
                var index = message.IndexOf(" Line ", StringComparison.Ordinal);
                return index > 0 ? message[..index] : message;
            }

            private static int LineOf(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

            private static int ColumnOf(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LinePosition : 0;
        }

        private static readonly char[] ListSeparators = { ';' };

        internal static IReadOnlyList<string> SplitList(string? value, params char[] separators)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Array.Empty<string>();
            }

            return value.Split(separators.Length == 0 ? ListSeparators : separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        internal static bool? ParseBool(string? value) =>
            value is null ? null
            : value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }
}
