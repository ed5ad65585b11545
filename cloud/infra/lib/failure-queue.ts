import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface FailureQueueProps {
  queueName?: string;
  /** What failed, for the alarm's description. */
  purpose: string;
  alarmTopic?: ITopic;
}

/**
 * Where failed messages or invocations are parked (a dead-letter queue or a Lambda's on-failure
 * destination), with an alarm as soon as anything arrives: each message is a failure nobody
 * has looked at yet.
 */
export class FailureQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: FailureQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      ...(props.queueName ? { queueName: props.queueName } : {}),
      // The longest SQS allows: time for someone to look before the evidence of a failure is gone.
      retentionPeriod: Duration.days(14),
    });
    this.alarm = new Alarm(this, 'Alarm', {
      alarmDescription: `${props.purpose}: failed messages are waiting in ${id}`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmTopic) this.alarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }
}
