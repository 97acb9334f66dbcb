package io.careerlens.warehouse;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * The Hadoop configuration a run uses before (or without) starting Spark: the defaults plus every
 * {@code spark.hadoop.*} setting the submitter passed (spark-submit hands them over as system
 * properties), as Spark would build it; so the lock, the run status and a night with nothing new
 * reach an hdfs:// or s3a:// warehouse with the same credentials as the Spark jobs, and a local
 * one through the same file system ({@link LocalFileSystemWithoutForks}, unless the submitter chose).
 */
public final class HadoopConf {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopConf() {
    }

    public static Configuration get() {
        Configuration hadoop = new Configuration();
        LocalFileSystemWithoutForks.SETTINGS.forEach(hadoop::set);
        for (Tuple2<String, String> kv : new SparkConf().getAll()) {
            if (kv._1().startsWith(PREFIX)) {
                hadoop.set(kv._1().substring(PREFIX.length()), kv._2());
            }
        }
        return hadoop;
    }
}
