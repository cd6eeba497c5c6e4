package io.tandem.bench;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts Redis round trips as the network sees them: each flush of a Lettuce connection's socket is one (a
 * pipeline of many commands is flushed once; a command outside a pipeline, or inside MULTI, is flushed alone and
 * waited for). Import it into a benchmark's context.
 */
@TestConfiguration(proxyBeanMethods = false)
class RoundTrips {

    static final AtomicLong FLUSHES = new AtomicLong();

    @Bean
    ClientResourcesBuilderCustomizer countRoundTrips() {
        return builder -> builder.nettyCustomizer(new NettyCustomizer() {
            @Override
            public void afterChannelInitialized(Channel channel) {
                channel.pipeline().addFirst("tandem-round-trips", new ChannelOutboundHandlerAdapter() {
                    @Override
                    public void flush(ChannelHandlerContext ctx) {
                        FLUSHES.incrementAndGet();
                        ctx.flush();
                    }
                });
            }
        });
    }
}
