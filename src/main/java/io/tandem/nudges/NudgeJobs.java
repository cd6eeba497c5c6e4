package io.tandem.nudges;

import io.tandem.config.TandemProperties;
import io.tandem.engine.StoreUnavailableException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Quartz jobs: one sends the nudges that fell due, the other runs the periodic sweeps. Each instance runs
 * both; the nudges' claims and the sweeps' guards in Redis make each piece of work happen once overall.
 */
@Configuration(proxyBeanMethods = false)
class NudgeJobs {

    private static final Logger log = LoggerFactory.getLogger(NudgeJobs.class);

    @Bean
    JobDetail dispatchNudgesJob() {
        return JobBuilder.newJob(Dispatch.class)
                .withIdentity("dispatch-nudges", "tandem")
                .storeDurably()
                .withDescription("Sends the nudges that fell due")
                .build();
    }

    @Bean
    Trigger dispatchNudgesTrigger(JobDetail dispatchNudgesJob, TandemProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(dispatchNudgesJob)
                .withIdentity("dispatch-nudges", "tandem")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(
                                properties.nudges().pollInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail sweepJob() {
        return JobBuilder.newJob(Sweep.class)
                .withIdentity("sweep", "tandem")
                .storeDurably()
                .withDescription("Expiries, escalations, inactive pairs, tips of the week, digests")
                .build();
    }

    @Bean
    Trigger sweepTrigger(JobDetail sweepJob, TandemProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(sweepJob)
                .withIdentity("sweep", "tandem")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(
                                properties.nudges().sweepInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Sends due nudges. */
    @DisallowConcurrentExecution
    static class Dispatch implements Job {
        private final NudgeDispatcher dispatcher;

        Dispatch(NudgeDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                dispatcher.runDue();
            } catch (StoreUnavailableException e) {
                log.debug("Nudges wait for Redis: {}", e.getMessage());
            }
        }
    }

    /** Runs the periodic work. */
    @DisallowConcurrentExecution
    static class Sweep implements Job {
        private final Sweeps sweeps;

        Sweep(Sweeps sweeps) {
            this.sweeps = sweeps;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                sweeps.run();
            } catch (StoreUnavailableException e) {
                log.debug("The sweep waits for Redis: {}", e.getMessage());
            }
        }
    }
}
