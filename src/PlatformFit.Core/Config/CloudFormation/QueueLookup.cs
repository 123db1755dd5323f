using System;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>
    /// The visibility timeout of the SQS queue an event source names: the queue's <c>VisibilityTimeout</c> when the
    /// template declares the queue, the SQS default (platform profile) when it declares it without one, unknown when
    /// the queue lives elsewhere (a literal ARN, an import).
    /// </summary>
    internal sealed class QueueLookup
    {
        private const string DefaultLimitKey = "sqs-visibility-timeout-seconds";

        private readonly CloudFormationTemplate template;
        private readonly IntrinsicFunctionEvaluator evaluator;

        public QueueLookup(CloudFormationTemplate template, IntrinsicFunctionEvaluator evaluator)
        {
            this.template = template;
            this.evaluator = evaluator;
        }

        /// <summary>The queue resource an expression names (<c>!GetAtt Q.Arn</c>, <c>!Ref Q</c>, <c>!Sub ${Q.Arn}</c>), if any.</summary>
        public TemplateResource? QueueOf(YamlNode? expression)
        {
            foreach (var id in TemplateReferences.In(expression))
            {
                if (template.Resource(id) is { } resource && resource.Is(ResourceTypes.SqsQueue))
                {
                    return resource;
                }
            }

            return null;
        }

        public ConfigValue<int> VisibilityOf(YamlNode? queueExpression)
        {
            if (queueExpression is null)
            {
                return ConfigValue<int>.Absent;
            }

            var queue = QueueOf(queueExpression);
            if (queue is not null)
            {
                var declared = evaluator.Number(queue.Property("VisibilityTimeout"));
                if (declared.State != ValueState.Absent)
                {
                    return declared;
                }

                return PlatformProfiles.AwsLambda.Limits.TryGetValue(DefaultLimitKey, out var limit) && limit.Default is long fallback
                    ? ConfigValue<int>.Known((int)fallback, null, ValueOrigin.ToolDefault)
                    : ConfigValue<int>.Absent;
            }

            var written = evaluator.Text(queueExpression);
            return written.IsKnown
                ? ConfigValue<int>.Unknown($"the queue '{Shorten(written.Value)}' is not declared in this file", written.Span)
                : ConfigValue<int>.Unknown($"the queue is not declared in this file ({written.UnknownReason ?? "no queue named"})", queueExpression.Span);
        }

        private static string Shorten(string text) => Excerpt.Of(text, 80);
    }
}
