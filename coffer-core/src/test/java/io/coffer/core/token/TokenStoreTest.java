package io.coffer.core.token;

import static io.coffer.core.token.TokenFixture.SYSTEM_TTL;
import static io.coffer.core.token.TokenFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenStoreTest {
    private final TokenFixture f = new TokenFixture();

    private long now() {
        return f.clock.epochSecond();
    }

    // --- creation: TTL rules -------------------------------------------------------------------

    @Test
    void create_noTtl_mountDefault768h() {
        TokenStore.Created created = f.store.create(spec().build());

        TokenEntry e = created.entry();
        assertThat(e.creationTtl()).isEqualTo(SYSTEM_TTL);
        assertThat(e.expireTime()).isEqualTo(now() + SYSTEM_TTL);
        assertThat(e.creationTime()).isEqualTo(now());
        assertThat(e.renewable()).isTrue();
        assertThat(created.warnings()).isEmpty();
    }

    @Test
    void create_noTtl_followsTunedMountDefault() {
        f.defaultTtl.set(3600);

        assertThat(f.create(spec()).creationTtl()).isEqualTo(3600);
    }

    @Test
    void create_explicitTtl_used() {
        TokenEntry e = f.create(spec().ttl(120));

        assertThat(e.creationTtl()).isEqualTo(120);
        assertThat(e.expireTime()).isEqualTo(now() + 120);
    }

    @Test
    void create_rootPolicyWithoutTtl_neverExpires() {
        TokenEntry root = f.create(spec().policies("root"));

        assertThat(root.creationTtl()).isZero();
        assertThat(root.expireTime()).isZero();
        assertThat(root.renewable()).isFalse();
        f.clock.advanceSeconds(10L * 365 * 86400);
        assertThat(f.store.lookup(root.id())).isEqualTo(root);
    }

    @Test
    void create_rootPolicyWithExplicitMax_expiresAtCap() {
        TokenEntry root = f.create(spec().policies("root").explicitMaxTtl(60));

        assertThat(root.expireTime()).isEqualTo(now() + 60);
    }

    @Test
    void create_explicitMaxBelowTtl_cappedSilently() {
        TokenStore.Created created = f.store.create(spec().ttl(7200).explicitMaxTtl(3600).build());

        assertThat(created.entry().creationTtl()).isEqualTo(3600);
        assertThat(created.entry().explicitMaxTtl()).isEqualTo(3600);
        assertThat(created.warnings()).isEmpty();
    }

    @Test
    void create_explicitMaxBelowMountDefault_capsDefault() {
        assertThat(f.create(spec().explicitMaxTtl(600)).creationTtl()).isEqualTo(600);
    }

    @Test
    void create_ttlAboveMountMax_cappedWithWarning() {
        f.maxTtl.set(3600);

        TokenStore.Created created = f.store.create(spec().ttl(7200).build());

        assertThat(created.entry().creationTtl()).isEqualTo(3600);
        assertThat(created.entry().expireTime()).isEqualTo(now() + 3600);
        assertThat(created.warnings()).containsExactly(
                "TTL of \"7200s\" exceeded the effective max_ttl of \"3600s\"; TTL value is capped accordingly");
    }

    @Test
    void create_periodic_ttlIsPeriodAndIgnoresMountMax() {
        f.maxTtl.set(300);

        TokenStore.Created created = f.store.create(spec().period(600).ttl(7200).build());

        assertThat(created.entry().creationTtl()).isEqualTo(600);
        assertThat(created.entry().period()).isEqualTo(600);
        assertThat(created.entry().expireTime()).isEqualTo(now() + 600);
        assertThat(created.warnings()).isEmpty();
    }

    @Test
    void create_periodicWithSmallerExplicitMax_cappedByExplicitMax() {
        assertThat(f.create(spec().period(600).explicitMaxTtl(100)).creationTtl()).isEqualTo(100);
    }

    @Test
    void create_notRenewable_storedAsNotRenewable() {
        assertThat(f.create(spec().renewable(false)).renewable()).isFalse();
    }

    @Test
    void create_generatedIdAndAccessor_vaultShapes() {
        TokenEntry e = f.create(spec());

        assertThat(e.id()).matches("hvs\\.[0-9A-Za-z]{24}");
        assertThat(e.accessor()).matches("[0-9A-Za-z]{24}");
        assertThat(e.type()).isEqualTo("service");
        assertThat(e.orphan()).isTrue();
    }

    @Test
    void create_duplicateCustomId_refused() {
        f.create(spec().id("my-token"));

        assertThatThrownBy(() -> f.create(spec().id("my-token")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cannot create a token with a duplicate ID");
    }

    @Test
    void create_scheduler_receivesNewEntry() {
        List<TokenEntry> scheduled = new ArrayList<>();
        f.store.setExpirationScheduler(scheduled::add);

        TokenEntry e = f.create(spec());

        assertThat(scheduled).containsExactly(e);
    }

    // --- renewal ---------------------------------------------------------------------------------

    @Test
    void renew_withIncrement_expiresIncrementFromNow() {
        TokenEntry e = f.create(spec().ttl(3600));
        f.clock.advanceSeconds(1800);

        TokenStore.Created renewed = f.store.renew(e, 7200);

        assertThat(renewed.entry().expireTime()).isEqualTo(now() + 7200);
        assertThat(renewed.entry().lastRenewalTime()).isEqualTo(now());
        assertThat(renewed.entry().creationTtl()).isEqualTo(3600);
        assertThat(renewed.warnings()).isEmpty();
        assertThat(f.store.lookup(e.id()).expireTime()).isEqualTo(now() + 7200);
    }

    @Test
    void renew_withoutIncrement_extendsByCreationTtl() {
        TokenEntry e = f.create(spec().ttl(3600));
        f.clock.advanceSeconds(1800);

        TokenStore.Created renewed = f.store.renew(e, 0);

        assertThat(renewed.entry().expireTime()).isEqualTo(now() + 3600);
    }

    @Test
    void renew_beyondExplicitMax_cappedWithWarning() {
        TokenEntry e = f.create(spec().ttl(3600).explicitMaxTtl(5000));
        long created = e.creationTime();
        f.clock.advanceSeconds(3000);

        TokenStore.Created renewed = f.store.renew(e, 3600);

        assertThat(renewed.entry().expireTime()).isEqualTo(created + 5000);
        assertThat(renewed.warnings()).singleElement().asString()
                .startsWith("TTL of \"3600s\" exceeded the effective max_ttl of \"2000s\"");
    }

    @Test
    void renew_beyondMountMax_cappedAtCreationPlusMax() {
        f.maxTtl.set(7200);
        TokenEntry e = f.create(spec().ttl(3600));
        long created = e.creationTime();
        f.clock.advanceSeconds(5000);

        TokenStore.Created renewed = f.store.renew(e, 7200);

        assertThat(renewed.entry().expireTime()).isEqualTo(created + 7200);
        assertThat(renewed.warnings()).hasSize(1);
    }

    @Test
    void renew_periodic_resetsToPeriodPastMountMax() {
        f.maxTtl.set(1000);
        TokenEntry e = f.create(spec().period(600));
        for (int i = 0; i < 4; i++) {
            f.clock.advanceSeconds(500);
            e = f.store.renew(e, 99999).entry();
        }

        assertThat(now() - e.creationTime()).isEqualTo(2000);
        assertThat(e.expireTime()).isEqualTo(now() + 600);
        assertThat(f.store.lookup(e.id())).isNotNull();
    }

    @Test
    void renew_notRenewable_leaseIsNotRenewable() {
        TokenEntry e = f.create(spec().renewable(false));

        assertThatThrownBy(() -> f.store.renew(e, 60))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("lease is not renewable");
    }

    @Test
    void renew_rootWithoutTtl_leaseIsNotRenewable() {
        TokenEntry root = f.create(spec().policies("root"));

        assertThatThrownBy(() -> f.store.renew(root, 60)).hasMessage("lease is not renewable");
    }

    @Test
    void renew_scheduler_receivesRenewedEntry() {
        TokenEntry e = f.create(spec().ttl(60));
        List<TokenEntry> scheduled = new ArrayList<>();
        f.store.setExpirationScheduler(scheduled::add);

        TokenEntry renewed = f.store.renew(e, 120).entry();

        assertThat(scheduled).containsExactly(renewed);
    }

    // --- revocation ------------------------------------------------------------------------------

    @Test
    void revokeTree_revokesDescendantsDepthFirst() {
        TokenEntry parent = f.create(spec());
        TokenEntry child = f.create(spec().parent(parent));
        TokenEntry grandchild = f.create(spec().parent(child));
        TokenEntry sibling = f.create(spec().parent(parent));
        TokenEntry unrelated = f.create(spec());

        f.store.revokeTree(parent);

        assertThat(f.revoked).hasSize(4);
        assertThat(f.revoked.indexOf(grandchild)).isLessThan(f.revoked.indexOf(child));
        assertThat(f.revoked.get(3)).isEqualTo(parent);
        assertThat(f.revoked).contains(sibling);
        for (TokenEntry e : List.of(parent, child, grandchild, sibling)) {
            assertThat(f.store.lookup(e.id())).isNull();
            assertThat(f.store.stored(e.id())).isNull();
        }
        assertThat(f.store.lookup(unrelated.id())).isEqualTo(unrelated);
    }

    @Test
    void revokeOrphan_childrenSurviveAsOrphansWithTheirOwnChildren() {
        TokenEntry parent = f.create(spec());
        TokenEntry child = f.create(spec().parent(parent));
        TokenEntry grandchild = f.create(spec().parent(child));

        f.store.revokeOrphan(parent);

        assertThat(f.revoked).containsExactly(parent);
        assertThat(f.store.lookup(parent.id())).isNull();
        TokenEntry orphaned = f.store.lookup(child.id());
        assertThat(orphaned.orphan()).isTrue();
        assertThat(orphaned.parent()).isEmpty();
        assertThat(f.repository.children(parent.id())).isEmpty();
        assertThat(f.store.lookup(grandchild.id()).parent()).isEqualTo(child.id());

        f.store.revokeTree(orphaned);

        assertThat(f.store.lookup(grandchild.id())).isNull();
    }

    // --- uses --------------------------------------------------------------------------------------

    @Test
    void use_limitedToken_countsDownAndMarksLastUse() {
        TokenEntry e = f.create(spec().numUses(3));

        TokenEntry first = f.store.use(e);
        TokenEntry second = f.store.use(first);
        TokenEntry last = f.store.use(second);

        assertThat(first.numUses()).isEqualTo(2);
        assertThat(second.numUses()).isEqualTo(1);
        assertThat(last.numUses()).isEqualTo(-1);
        assertThat(f.store.lookup(e.id())).isNull();
        assertThatThrownBy(() -> f.store.use(last))
                .isInstanceOfSatisfying(PermissionDeniedException.class, x -> assertThat(x.isInvalidToken()).isTrue());
    }

    @Test
    void use_staleEntry_countsFromStoredState() {
        TokenEntry e = f.create(spec().numUses(2));
        f.store.use(e);

        TokenEntry again = f.store.use(e);

        assertThat(again.numUses()).isEqualTo(-1);
    }

    @Test
    void use_unlimitedToken_unchanged() {
        TokenEntry e = f.create(spec());

        assertThat(f.store.use(e)).isSameAs(e);
        assertThat(f.store.lookup(e.id()).numUses()).isZero();
    }

    // --- lookup ------------------------------------------------------------------------------------

    @Test
    void lookup_beforeExpiry_valid() {
        TokenEntry e = f.create(spec().ttl(60));
        f.clock.advanceSeconds(59);

        assertThat(f.store.lookup(e.id())).isEqualTo(e);
    }

    @Test
    void lookup_atExpiry_nullAndRevoked() {
        TokenEntry e = f.create(spec().ttl(60));
        TokenEntry child = f.create(spec().parent(e).ttl(600));
        f.clock.advanceSeconds(60);

        assertThat(f.store.lookup(e.id())).isNull();

        assertThat(f.store.stored(e.id())).isNull();
        assertThat(f.store.stored(child.id())).isNull();
        assertThat(f.revoked).containsExactly(child, e);
    }

    @Test
    void lookupTainted_tokenSpendingLastUse_stillReturned() {
        TokenEntry e = f.create(spec().numUses(1));
        f.store.use(e);

        assertThat(f.store.lookup(e.id())).isNull();
        assertThat(f.store.lookupTainted(e.id())).extracting(TokenEntry::numUses).isEqualTo(-1);
    }

    @Test
    void lookupTainted_expiredOrUnknown_nullAndExpiredRevoked() {
        TokenEntry e = f.create(spec().ttl(10));
        f.clock.advanceSeconds(10);

        assertThat(f.store.lookupTainted(e.id())).isNull();
        assertThat(f.store.stored(e.id())).isNull();
        assertThat(f.store.lookupTainted("hvs.unknown")).isNull();
        assertThat(f.store.lookupTainted("")).isNull();
    }

    @Test
    void lookup_nullEmptyOrUnknown_null() {
        assertThat(f.store.lookup(null)).isNull();
        assertThat(f.store.lookup("")).isNull();
        assertThat(f.store.lookup("hvs.unknown")).isNull();
    }

    @Test
    void lookupByAccessor_validUnknownAndExpired() {
        TokenEntry e = f.create(spec().ttl(60));

        assertThat(f.store.lookupByAccessor(e.accessor())).isEqualTo(e);
        assertThat(f.store.lookupByAccessor("nope")).isNull();
        assertThat(f.store.lookupByAccessor("")).isNull();
        f.clock.advanceSeconds(61);
        assertThat(f.store.lookupByAccessor(e.accessor())).isNull();
    }

    @Test
    void accessorsAndAll_listLiveTokens() {
        TokenEntry a = f.create(spec());
        TokenEntry b = f.create(spec());
        f.store.revokeTree(a);

        assertThat(f.store.accessors()).containsExactly(b.accessor());
        assertThat(f.store.all()).containsExactly(b);
    }

    @Test
    void nowSeconds_followsClock() {
        long before = f.store.nowSeconds();
        f.clock.advanceSeconds(5);

        assertThat(f.store.nowSeconds()).isEqualTo(before + 5);
    }
}
