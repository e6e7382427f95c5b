import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { type FileAccess, fileGrants } from '#functions/shared/access.ts';
import { ENDED_CYCLE_TAG } from '#shared/adapters/s3/s3-file-store.ts';

/**
 * Evidence files and open-data exports: one private bucket per region, encrypted with the region's data key,
 * TLS only, no public access, no ACLs. Clients move bytes through presigned URLs only (CORS lets the web app
 * do so; the signature, not the origin, is the permission). Files of ended cycles move to cheaper storage;
 * exports and unfinished multipart uploads expire.
 */
export class FileStorage extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: { key: kms.IKey; removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Erasure must be able to remove a file for good: no versions kept behind it.
      versioned: false,
      removalPolicy: props.removalPolicy,
      cors: [
        {
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
          allowedOrigins: ['*'],
          allowedHeaders: ['content-type'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'ended-cycles-to-cheaper-storage',
          prefix: 'cycles/',
          tagFilters: { [ENDED_CYCLE_TAG.Key]: ENDED_CYCLE_TAG.Value },
          transitions: [
            { storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(30) },
          ],
        },
        { id: 'exports-expire', prefix: 'exports/', expiration: Duration.days(2) },
        { id: 'unfinished-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        'Who uploaded, downloaded or removed which file is in the engine’s audit trail; S3 access logs would add visitors’ IP addresses for no purpose',
    });
  }

  /** Grants what a function's file access allows, confined to its prefix, and tells it the bucket. */
  grant(grantee: iam.IGrantable, access: FileAccess): void {
    const { prefix } = fileGrants[access];
    const objects = `${prefix}*`;
    if (access === 'read') this.bucket.grantRead(grantee, objects);
    else if (access === 'readWrite') {
      this.bucket.grantRead(grantee, objects);
      this.bucket.grantPut(grantee, objects);
      this.bucket.grantDelete(grantee, objects);
    } else if (access === 'archive') {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [this.bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [objects] } },
        }),
      );
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['s3:PutObjectTagging'],
          resources: [this.bucket.arnForObjects(objects)],
        }),
      );
    } else {
      this.bucket.grantPut(grantee, objects);
      this.bucket.grantRead(grantee, objects);
    }
  }
}
