import { TTL_ATTRIBUTE, tableDefinition } from '@opsworker/cloud/store/aws/table-definition.ts';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/**
 * The single table, built from the adapter's own `tableDefinition()` so the deployed keys and
 * indexes are the ones the DynamoStore is tested against. On demand, point-in-time recovery,
 * TTL for retention, and (unless the stack is a throwaway one) kept when the stack goes.
 */
export class DataTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: { retain: boolean }) {
    super(scope, id);
    const definition = tableDefinition('unused');
    const types = new Map(definition.AttributeDefinitions?.map((a) => [a.AttributeName, a.AttributeType]));
    const attribute = (name: string | undefined) => {
      if (!name) throw new Error('tableDefinition() has a key without an attribute name');
      const type = types.get(name);
      return {
        name,
        type:
          type === 'N' ? AttributeType.NUMBER : type === 'B' ? AttributeType.BINARY : AttributeType.STRING,
      };
    };
    const keyOf = (schema: typeof definition.KeySchema) => ({
      hash: schema?.find((key) => key.KeyType === 'HASH')?.AttributeName,
      range: schema?.find((key) => key.KeyType === 'RANGE')?.AttributeName,
    });
    const primary = keyOf(definition.KeySchema);

    this.table = new Table(this, 'Table', {
      partitionKey: attribute(primary.hash),
      ...(primary.range ? { sortKey: attribute(primary.range) } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of definition.GlobalSecondaryIndexes ?? []) {
      const key = keyOf(index.KeySchema);
      if (!index.IndexName) throw new Error('tableDefinition() has an index without a name');
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName,
        partitionKey: attribute(key.hash),
        ...(key.range ? { sortKey: attribute(key.range) } : {}),
      });
    }
  }
}
