import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FailureQueue } from './failure-queue.ts';

export interface MonitoredQueueProps {
  /** Physical name (agents find their queues by name); generated when absent. */
  queueName?: string;
  visibilityTimeout: Duration;
  /** How long an unconsumed message is kept; SQS's default (4 days) when absent. */
  retentionPeriod?: Duration;
  /** Deliveries before a message is parked in the dead-letter queue. */
  maxReceiveCount: number;
  /** Alarm when the oldest message has waited this long (consumers are stuck or falling behind). */
  maxMessageAge?: Duration;
  alarmTopic?: ITopic;
  /** What the queue carries, for alarm descriptions. */
  purpose: string;
}

/** An SQS queue with its dead-letter queue, and alarms on the DLQ's depth and on the oldest message's age. */
export class MonitoredQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetter: FailureQueue;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: MonitoredQueueProps) {
    super(scope, id);
    this.deadLetter = new FailureQueue(this, 'DeadLetter', {
      purpose: `${props.purpose} (failed ${props.maxReceiveCount} times)`,
      ...(props.queueName ? { queueName: `${props.queueName}-dlq` } : {}),
      ...(props.alarmTopic ? { alarmTopic: props.alarmTopic } : {}),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      ...(props.queueName ? { queueName: props.queueName } : {}),
      visibilityTimeout: props.visibilityTimeout,
      ...(props.retentionPeriod ? { retentionPeriod: props.retentionPeriod } : {}),
      deadLetterQueue: { queue: this.deadLetter.queue, maxReceiveCount: props.maxReceiveCount },
    });
    this.alarms = [this.deadLetter.alarm];
    if (props.maxMessageAge) {
      const age = new Alarm(this, 'OldestMessageAlarm', {
        alarmDescription: `${props.purpose}: the oldest message has waited more than ${props.maxMessageAge.toHumanString()}`,
        metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
        threshold: props.maxMessageAge.toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      if (props.alarmTopic) age.addAlarmAction(new SnsAction(props.alarmTopic));
      this.alarms.push(age);
    }
  }
}
