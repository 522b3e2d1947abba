package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Managing addresses over real HTTP with real mail (GreenMail): making a verified address primary
 * mails the previous primary one undo link, whose page's GET changes nothing and whose POST restores
 * the primary and ends every session; removing addresses; exactly one primary under concurrent
 * changes, enforced by the database too; and no silent planting: the confirmation mail and page
 * name the account that asked, and its primary is told once the address is linked.
 */
@OnEveryDatabase
class AddressesEndToEndTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern TOKEN_IN_LINK = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    @Parameter
    TestDatabase database;

    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        server = TestServer.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private record Tokens(String access, String refresh) {}

    private static Tokens signIn(String email) {
        Answer answer = server.signIn(email);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return new Tokens(answer.json().get("access_token").asText(), answer.json().get("refresh_token").asText());
    }

    private static void requestLink(String access, String address) {
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + address + "\"}", access)
                .status()).isEqualTo(202);
    }

    private static void link(String access, String address) {
        requestLink(access, address);
        Answer confirmed = server.postJson("/api/auth/confirm-email",
                "{\"token\":\"" + server.lastTokenMailedTo(address) + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    private static Answer makePrimary(String access, String address) {
        return server.postJson("/api/auth/emails/primary", "{\"email\":\"" + address + "\"}", access);
    }

    private static Answer remove(String access, String address) {
        return server.postJson("/api/auth/emails/remove", "{\"email\":\"" + address + "\"}", access);
    }

    /** The addresses {@code /me} lists, each as "address verified primary". */
    private static List<String> emails(String access) {
        Answer me = server.get("/api/auth/me", access);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        for (JsonNode email : me.json().get("emails")) {
            emails.add(email.get("email").asText() + " " + email.get("verified").asBoolean() + " " + email.get("primary").asBoolean());
        }
        return emails;
    }

    private static List<String> eventTypes(String access) {
        List<String> types = new ArrayList<>();
        server.get("/api/auth/me/events", access).json().get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertPageHeaders(Answer page) {
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).doesNotContain("<script").doesNotContain("src=\"http");
    }

    @Test
    void makePrimary_mailsThePreviousPrimaryOneUndoLink_whoseGetChangesNothing_andWhosePostRestoresAndEndsEverySession() {
        Tokens pat = signIn("pat@example.com");
        Tokens patElsewhere = signIn("pat@example.com");
        link(pat.access(), "Pat.Work@example.org");
        int mailsBefore = server.mailsTo("pat@example.com").size();

        Answer made = makePrimary(pat.access(), "pat.work@EXAMPLE.org");

        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.json().get("email").asText()).isEqualTo("Pat.Work@example.org");
        assertThat(made.json().get("primary").asBoolean()).isTrue();
        List<MimeMessage> notices = server.mailsTo("pat@example.com").subList(mailsBefore, server.mailsTo("pat@example.com").size());
        assertThat(notices).singleElement().satisfies(mail -> {
            assertThat(subject(mail)).isEqualTo("Your primary email address was changed");
            assertThat(TestServer.text(mail)).contains("/auth/undo?token=").contains("Pat.Work@example.org is now");
        });
        assertThat(emails(pat.access())).containsExactly("Pat.Work@example.org true true", "pat@example.com true false");
        String undo = server.lastTokenMailedTo("pat@example.com");

        Answer page = server.get("/auth/undo?token=" + undo, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/auth/undo\">").contains("value=\"" + undo + "\"");
        assertPageHeaders(page);
        assertThat(emails(pat.access())).as("opening the page changed nothing").first().isEqualTo("Pat.Work@example.org true true");

        Answer undone = server.postForm("/auth/undo", "token=" + undo);

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.body()).contains("<strong>pat@example.com</strong> is your account's primary address again");
        assertPageHeaders(undone);
        assertThat(server.get("/api/auth/me", pat.access()).status()).as("every session ended").isEqualTo(401);
        assertThat(server.get("/api/auth/me", patElsewhere.access()).status()).isEqualTo(401);
        assertThat(server.postJson("/api/auth/token/refresh", "{\"refresh_token\":\"" + patElsewhere.refresh() + "\"}")
                .status()).isEqualTo(400);
        Tokens again = signIn("pat@example.com");
        assertThat(emails(again.access())).as("the restored primary is the account's only address")
                .containsExactly("pat@example.com true true");

        Answer secondPost = server.postForm("/auth/undo", "token=" + undo);

        assertThat(secondPost.status()).isEqualTo(400);
        assertThat(secondPost.body()).contains("This link does not work");
        assertPageHeaders(secondPost);
        assertThat(eventTypes(again.access())).contains("primary_changed", "primary_change_undone");
    }

    /**
     * The attack: a thief with the owner's access token puts in addresses of their own, makes them
     * primary one after the other (so that they hold an undo link themselves), links one more and
     * asks for yet another to be confirmed. Undoing used to leave the thief's addresses on the
     * account (they signed straight back in with one) and their own undo link working (they took the
     * primary back with it); removing only the address that took the primary's place still left the
     * others.
     */
    @Test
    void undo_leavesTheRestoredPrimaryAlone_endingTheThiefsAddressesLinksAndPendingConfirmations() {
        String victimId = server.get("/api/auth/me", signIn("owner@example.com").access()).json().get("id").asText();
        String stolen = signIn("owner@example.com").access();
        link(stolen, "thief.x@example.net");
        link(stolen, "thief.y@example.net");
        link(stolen, "thief.z@example.net");
        assertThat(makePrimary(stolen, "thief.x@example.net").status()).isEqualTo(200);
        String ownersUndo = server.lastTokenMailedTo("owner@example.com");
        assertThat(makePrimary(stolen, "thief.y@example.net").status()).isEqualTo(200);
        String thiefsUndo = server.lastTokenMailedTo("thief.x@example.net");
        requestLink(stolen, "thief.pending@example.net");
        String pendingLink = server.lastTokenMailedTo("thief.pending@example.net");

        Answer undone = server.postForm("/auth/undo", "token=" + ownersUndo);

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(server.get("/api/auth/me", stolen).status()).isEqualTo(401);
        for (String thiefs : List.of("thief.x@example.net", "thief.y@example.net", "thief.z@example.net")) {
            Answer signedIn = server.get("/api/auth/me", signIn(thiefs).access());
            assertThat(signedIn.json().get("id").asText()).as("signing in with %s no longer reaches the account", thiefs)
                    .isNotEqualTo(victimId);
        }
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + pendingLink + "\"}").status())
                .as("a confirmation the thief asked for died with the undo").isEqualTo(400);
        assertThat(server.postForm("/auth/undo", "token=" + thiefsUndo).status())
                .as("the thief's undo link died with the owner's undo").isEqualTo(400);
        Tokens owner = signIn("owner@example.com");
        assertThat(server.get("/api/auth/me", owner.access()).json().get("id").asText()).isEqualTo(victimId);
        assertThat(emails(owner.access())).containsExactly("owner@example.com true true");
    }

    /**
     * The attack: with the owner's access token a thief makes their address primary (the owner is
     * mailed an undo link), then the owner's again (the thief's address is mailed one), and uses
     * their own link first. That used to end the owner's link too: the owner's undo answered 400 and
     * the thief, signing in with their address, kept the account for good.
     */
    @Test
    void undo_theThiefsOwnLinkUsedFirst_isRefused_andTheOwnersTakesTheAccountBack() {
        String victimId = server.get("/api/auth/me", signIn("keeper@example.com").access()).json().get("id").asText();
        String stolen = signIn("keeper@example.com").access();
        link(stolen, "keeper.thief@example.net");
        assertThat(makePrimary(stolen, "keeper.thief@example.net").status()).isEqualTo(200);
        String ownersUndo = server.lastTokenMailedTo("keeper@example.com");
        assertThat(makePrimary(stolen, "keeper@example.com").status()).isEqualTo(200);
        String thiefsUndo = server.lastTokenMailedTo("keeper.thief@example.net");

        assertThat(server.postForm("/auth/undo", "token=" + thiefsUndo).status())
                .as("the thief's address was linked after the owner's, which is primary").isEqualTo(400);
        Answer ownersTurn = server.postForm("/auth/undo", "token=" + ownersUndo);

        assertThat(ownersTurn.status()).as("the owner's link outlives the thief's").isEqualTo(200);
        assertThat(ownersTurn.body()).contains("<strong>keeper@example.com</strong> is your account's primary address again");
        Tokens owner = signIn("keeper@example.com");
        assertThat(server.get("/api/auth/me", owner.access()).json().get("id").asText()).isEqualTo(victimId);
        assertThat(emails(owner.access())).containsExactly("keeper@example.com true true");
        assertThat(server.get("/api/auth/me", signIn("keeper.thief@example.net").access()).json().get("id").asText())
                .as("the thief's address no longer reaches the account").isNotEqualTo(victimId);
        assertThat(server.postForm("/auth/undo", "token=" + thiefsUndo).status()).isEqualTo(400);
    }

    /**
     * The attack (a second probe): the thief made their address primary and then the owner's
     * again, to be mailed a link; the owner signed out everywhere and removed the thief's address,
     * as the docs advise. Days later the thief's link brought their address back as the only one,
     * removed the owner's, and the owner, signing in again by magic link, opened an empty account.
     */
    @Test
    void undo_theThiefsLinkAfterTheOwnerSignedOutEverywhereAndRemovedTheirAddress_isRefused() {
        String stolen = signIn("holder@example.com").access();
        link(stolen, "holder.thief@example.net");
        assertThat(makePrimary(stolen, "holder.thief@example.net").status()).isEqualTo(200);
        assertThat(makePrimary(stolen, "holder@example.com").status()).isEqualTo(200);
        String thiefsUndo = server.lastTokenMailedTo("holder.thief@example.net");
        Tokens owner = signIn("holder@example.com");
        assertThat(server.postJson("/api/auth/sign-out-everywhere", "", owner.access()).status()).isEqualTo(204);
        Tokens back = signIn("holder@example.com");
        assertThat(remove(back.access(), "holder.thief@example.net").status()).isEqualTo(200);

        assertThat(server.postForm("/auth/undo", "token=" + thiefsUndo).status()).isEqualTo(400);
        assertThat(emails(back.access())).containsExactly("holder@example.com true true");
    }

    /**
     * The attack: the thief made their address primary, the owner's, theirs, the owner's again, so
     * that links alternate; their newest link, used first, ended the owner's newest one too.
     */
    @Test
    void undo_theThiefsNewestLinkOfAnAlternatingChain_isRefused_andTheOwnersNewestStillWorks() {
        String stolen = signIn("swing@example.com").access();
        link(stolen, "swing.thief@example.net");
        assertThat(makePrimary(stolen, "swing.thief@example.net").status()).isEqualTo(200);
        assertThat(makePrimary(stolen, "swing@example.com").status()).isEqualTo(200);
        assertThat(makePrimary(stolen, "swing.thief@example.net").status()).isEqualTo(200);
        String ownersNewest = server.lastTokenMailedTo("swing@example.com");
        assertThat(makePrimary(stolen, "swing@example.com").status()).isEqualTo(200);
        String thiefsNewest = server.lastTokenMailedTo("swing.thief@example.net");

        assertThat(server.postForm("/auth/undo", "token=" + thiefsNewest).status()).isEqualTo(400);
        assertThat(server.postForm("/auth/undo", "token=" + ownersNewest).status()).isEqualTo(200);
        assertThat(server.get("/api/auth/me", stolen).status()).isEqualTo(401);
    }

    /**
     * The attack: the thief removed the owner's address, then asked for a sign-in link to it; the
     * owner, clicking the newest mail, opened a new account holding it, and the undo link, refused
     * because another account now held the address, was spent, so it failed for good. Refused, it
     * now stays usable: the owner frees the address and undoes.
     */
    @Test
    void undo_refusedBecauseAnotherAccountHoldsTheAddress_isNotSpent_andWorksOnceTheAddressIsFree() {
        String stolen = signIn("strand@example.com").access();
        String victimId = server.get("/api/auth/me", stolen).json().get("id").asText();
        link(stolen, "strand.thief@example.net");
        assertThat(makePrimary(stolen, "strand.thief@example.net").status()).isEqualTo(200);
        String ownersUndo = server.lastTokenMailedTo("strand@example.com");
        assertThat(remove(stolen, "strand@example.com").status()).isEqualTo(200);
        Tokens accidental = signIn("strand@example.com");

        assertThat(server.postForm("/auth/undo", "token=" + ownersUndo).status()).isEqualTo(400);
        link(accidental.access(), "strand.other@example.org");
        assertThat(makePrimary(accidental.access(), "strand.other@example.org").status()).isEqualTo(200);
        assertThat(remove(accidental.access(), "strand@example.com").status()).isEqualTo(200);

        assertThat(server.postForm("/auth/undo", "token=" + ownersUndo).status()).isEqualTo(200);
        assertThat(server.get("/api/auth/me", stolen).status()).isEqualTo(401);
        Tokens owner = signIn("strand@example.com");
        assertThat(server.get("/api/auth/me", owner.access()).json().get("id").asText()).isEqualTo(victimId);
    }

    /**
     * The attack (a second probe): the thief keeps signing in with their address by magic link while
     * the owner undoes. A sign-in that read the address's holder just before the undo evicted it
     * started its session after the undo had ended every session: a live session on the restored
     * account. Signing in now locks the account first, so every session the thief got is dead or
     * belongs to another account.
     */
    @Test
    void signInsRacingTheOwnersUndo_leaveTheThiefNoLiveSessionOnTheRestoredAccount() throws Exception {
        try (TestServer own = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_EMAIL", "1000/15m"))) {
            for (int round = 0; round < 10; round++) {
                String ownerAddress = "racing" + round + "@example.com";
                String thiefAddress = "racing" + round + ".thief@example.net";
                String stolen = own.signIn(ownerAddress).json().get("access_token").asText();
                String victimId = own.get("/api/auth/me", stolen).json().get("id").asText();
                own.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + thiefAddress + "\"}", stolen);
                assertThat(own.postJson("/api/auth/confirm-email",
                        "{\"token\":\"" + own.lastTokenMailedTo(thiefAddress) + "\"}").status()).isEqualTo(200);
                assertThat(own.postJson("/api/auth/emails/primary", "{\"email\":\"" + thiefAddress + "\"}", stolen)
                        .status()).isEqualTo(200);
                String ownersUndo = own.lastTokenMailedTo(ownerAddress);
                List<String> links = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    own.postJson("/api/auth/magic-link", "{\"email\":\"" + thiefAddress + "\"}");
                    links.add(own.lastTokenMailedTo(thiefAddress));
                }

                List<List<String>> raced = Race.run(3, i -> {
                    List<String> accessTokens = new ArrayList<>();
                    if (i == 0) {
                        sleepQuietly(30);
                        assertThat(own.postForm("/auth/undo", "token=" + ownersUndo).status()).isEqualTo(200);
                        return accessTokens;
                    }
                    for (String link : links.subList(i == 1 ? 0 : 8, i == 1 ? 8 : 16)) {
                        Answer verified = own.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + link + "\"}");
                        if (verified.status() == 200) {
                            accessTokens.add(verified.json().get("access_token").asText());
                        }
                        sleepQuietly(5);
                    }
                    return accessTokens;
                });

                for (String access : raced.stream().flatMap(List::stream).toList()) {
                    Answer me = own.get("/api/auth/me", access);
                    assertThat(me.status() == 401 || !me.json().get("id").asText().equals(victimId))
                            .as("round %d: a sign-in of the thief's left a live session on the restored account", round)
                            .isTrue();
                }
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A removal and a confirmation of the same pending address at the same moment. The removal
     * used to answer "removed" while the confirmation, which had already consumed the link, went on
     * to link the address after it (H2), or the two deadlocked into a 503 (PostgreSQL).
     */
    @Test
    void removeRacingTheConfirmationOfTheSameAddress_neverAnswersRemovedWhileTheAddressStays_andNeverDeadlocks()
            throws Exception {
        String rae = signIn("rae@example.com").access();
        for (int round = 0; round < 12; round++) {
            String address = "rae.race" + round + "@example.org";
            requestLink(rae, address);
            String confirmLink = server.lastTokenMailedTo(address);

            List<Integer> statuses = Race.run(2, i -> i == 0
                    ? server.postJson("/api/auth/confirm-email", "{\"token\":\"" + confirmLink + "\"}").status()
                    : remove(rae, address).status());

            assertThat(statuses).as("round %d: confirm, remove", round).doesNotContain(500, 503);
            boolean linked = emails(rae).contains(address + " true false");
            if (statuses.get(1) == 200) {
                assertThat(linked).as("round %d: removed, yet %s is verified on the account", round, address).isFalse();
            }
        }
    }

    /**
     * The owner's undo and the thief's confirmation of an address they asked for, at the same
     * moment. The confirmation used to win after the undo had committed, leaving the thief's
     * address verified on the restored account: they signed straight back in with it.
     */
    @Test
    void undoRacingTheThiefsConfirmation_neverLeavesTheThiefsAddressOnTheRestoredAccount() throws Exception {
        for (int round = 0; round < 8; round++) {
            String owner = "racer" + round + "@example.com";
            String victimId = server.get("/api/auth/me", signIn(owner).access()).json().get("id").asText();
            String stolen = signIn(owner).access();
            link(stolen, "racer" + round + ".thief@example.net");
            assertThat(makePrimary(stolen, "racer" + round + ".thief@example.net").status()).isEqualTo(200);
            String ownersUndo = server.lastTokenMailedTo(owner);
            String planted = "racer" + round + ".planted@example.net";
            requestLink(stolen, planted);
            String plantLink = server.lastTokenMailedTo(planted);

            List<Integer> statuses = Race.run(2, i -> i == 0
                    ? server.postForm("/auth/undo", "token=" + ownersUndo).status()
                    : server.postJson("/api/auth/confirm-email", "{\"token\":\"" + plantLink + "\"}").status());

            assertThat(statuses).as("round %d: undo, confirm", round).doesNotContain(500, 503);
            assertThat(statuses.get(0)).as("round %d: the owner's undo", round).isEqualTo(200);
            assertThat(server.get("/api/auth/me", signIn(planted).access()).json().get("id").asText())
                    .as("round %d: the planted address reaches the restored account", round).isNotEqualTo(victimId);
        }
    }

    /**
     * The race a probe found: a thief keeps asking, with the stolen access token, for addresses of
     * their own to be confirmed while the owner undoes. A request whose bearer check passed before
     * the undo and that then waited for the account's lock used to store a fresh confirmation after
     * the undo had ended the sessions and the pending confirmations; the thief confirmed it by its
     * link (which needs no session) and signed in to the restored account with it. Many clients keep
     * requests queued on the lock, so some are always between their bearer check and the lock when
     * the undo commits. Every link the thief was mailed must be dead afterwards, and nothing of the
     * thief's may be on the account.
     */
    @Test
    void undo_whileAThiefSpraysConfirmationRequests_leavesNoLinkTheThiefCanConfirm() throws Exception {
        int clients = 16;
        try (TestServer own = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_ACCOUNT", "100000/1h"))) {
            String owner = own.signIn("owner.race@example.com").json().get("access_token").asText();
            String stolen = own.signIn("owner.race@example.com").json().get("access_token").asText();
            own.postJson("/api/auth/request-email-confirmation", "{\"email\":\"thief.main@example.net\"}", stolen);
            assertThat(own.postJson("/api/auth/confirm-email",
                    "{\"token\":\"" + own.lastTokenMailedTo("thief.main@example.net") + "\"}").status()).isEqualTo(200);
            assertThat(own.postJson("/api/auth/emails/primary", "{\"email\":\"thief.main@example.net\"}", stolen).status())
                    .isEqualTo(200);
            String ownersUndo = own.lastTokenMailedTo("owner.race@example.com");
            AtomicInteger accepted = new AtomicInteger();
            AtomicBoolean undoPosted = new AtomicBoolean();
            Queue<Integer> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService ownersBrowser = Executors.newSingleThreadExecutor();
            Future<Answer> undo;
            List<Integer> requestsPerClient;
            try {
                // The owner follows the undo link once the thief's requests are queueing on the account.
                undo = ownersBrowser.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (accepted.get() < 2 * clients && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    undoPosted.set(true);
                    return own.postForm("/auth/undo", "token=" + ownersUndo);
                });
                requestsPerClient = Race.run(clients, client -> {
                    for (int i = 0; i < 500; i++) {
                        int status = own.postJson("/api/auth/request-email-confirmation",
                                "{\"email\":\"thief." + client + "." + i + "@example.net\"}", stolen).status();
                        if (status == 202) {
                            accepted.incrementAndGet();
                        } else if (status == 401 && undoPosted.get()) {
                            return i;
                        } else {
                            unexpected.add(status);
                        }
                    }
                    return 500;
                });
                assertThat(undo.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            } finally {
                ownersBrowser.shutdownNow();
            }

            assertThat(unexpected).as("every request is accepted until the session has ended").isEmpty();
            assertThat(requestsPerClient).as("every client was refused once the undo ended the session").allMatch(n -> n < 500);
            Map<String, String> thiefsLinks = new HashMap<>();
            for (MimeMessage mail : own.mails()) {
                String to = mail.getAllRecipients()[0].toString();
                Matcher link = TOKEN_IN_LINK.matcher(TestServer.text(mail));
                if (to.startsWith("thief.") && !to.equals("thief.main@example.net") && link.find()) {
                    thiefsLinks.put(to, link.group(1));
                }
            }
            assertThat(thiefsLinks).as("the thief was mailed links before the undo").hasSizeGreaterThanOrEqualTo(2 * clients);
            List<String> confirmable = new ArrayList<>();
            thiefsLinks.forEach((to, token) -> {
                int status = own.postJson("/api/auth/confirm-email", "{\"token\":\"" + token + "\"}").status();
                if (status != 400) {
                    confirmable.add(to + " " + status);
                }
            });
            assertThat(confirmable).as("links of %d mailed to the thief that still confirm after the undo", thiefsLinks.size())
                    .isEmpty();
            assertThat(own.get("/api/auth/me", owner).status()).isEqualTo(401);
            String ownerAgain = own.signIn("owner.race@example.com").json().get("access_token").asText();
            assertThat(own.get("/api/auth/me", ownerAgain).json().get("emails")).singleElement()
                    .satisfies(email -> assertThat(email.get("email").asText()).isEqualTo("owner.race@example.com"));
        }
    }

    @Test
    void makePrimary_unverifiedUnknownOrAnotherAccountsAddress_isTheSame404_andChangesAndMailsNothing() {
        String quinn = signIn("quinn@example.com").access();
        signIn("rory@example.com");
        requestLink(quinn, "quinn.pending@example.org");
        int mails = server.mails().size();

        Answer unknown = makePrimary(quinn, "nobody.quinn@example.org");
        Answer pending = makePrimary(quinn, "quinn.pending@example.org");
        Answer others = makePrimary(quinn, "rory@example.com");

        for (Answer answer : List.of(unknown, pending, others)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo(unknown.body());
            assertThat(answer.headers().keySet()).isEqualTo(unknown.headers().keySet());
        }
        assertThat(unknown.json().get("detail").asText()).isEqualTo("That email address is not one of your account's addresses.");
        assertThat(server.mails()).hasSize(mails);
        assertThat(emails(quinn)).startsWith("quinn@example.com true true");
        assertThat(makePrimary(quinn, "not an address").status()).isEqualTo(422);
        assertThat(server.postJson("/api/auth/emails/primary", "{}", quinn).status()).isEqualTo(422);
        assertThat(makePrimary(null, "quinn@example.com").status()).isEqualTo(401);
        assertThat(eventTypes(quinn)).contains("primary_change_refused");
    }

    @Test
    void remove_primaryIs409_anotherVerifiedIs200_thePrimaryIsTold_meNoLongerListsIt_andAnotherAccountCanLinkIt() {
        String sam = signIn("sam@example.com").access();
        String tess = signIn("tess@example.com").access();
        link(sam, "sam.work@example.org");

        Answer primary = remove(sam, "sam@example.com");
        Answer unknown = remove(sam, "nobody.sam@example.org");
        Answer others = remove(sam, "tess@example.com");
        Answer removed = remove(sam, "sam.work@example.org");

        assertThat(primary.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body()).isEqualTo(unknown.body());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("email").asText()).isEqualTo("sam.work@example.org");
        assertThat(removed.json().get("removed").asBoolean()).isTrue();
        List<MimeMessage> toPrimary = server.mailsTo("sam@example.com");
        assertThat(subject(toPrimary.get(toPrimary.size() - 1))).isEqualTo("An email address was removed from your account");
        assertThat(TestServer.text(toPrimary.get(toPrimary.size() - 1))).contains("sam.work@example.org was removed");
        assertThat(emails(sam)).containsExactly("sam@example.com true true");
        assertThat(emails(tess)).containsExactly("tess@example.com true true");
        assertThat(eventTypes(sam)).contains("address_removed", "address_removal_refused");

        link(tess, "sam.work@example.org");

        assertThat(emails(tess)).contains("sam.work@example.org true false");
    }

    @Test
    void remove_pendingAddress_itsLinkStopsWorking_andThePageNoLongerNamesIt() {
        String uma = signIn("uma@example.com").access();
        requestLink(uma, "uma.pending@example.org");
        String link = server.lastTokenMailedTo("uma.pending@example.org");
        assertThat(emails(uma)).contains("uma.pending@example.org false false");

        Answer removed = remove(uma, "uma.pending@example.org");

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(emails(uma)).containsExactly("uma@example.com true true");
        assertThat(server.get("/auth/confirm-email?token=" + link, null).body()).doesNotContain("uma.pending@example.org");
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + link + "\"}").status()).isEqualTo(400);
        assertThat(server.postForm("/auth/confirm-email", "token=" + link).status()).isEqualTo(400);
        assertThat(remove(uma, "uma.pending@example.org").status()).as("gone now").isEqualTo(404);
    }

    @Test
    void concurrentMakePrimaryCalls_alternatingBetweenTwoAddresses_leaveExactlyOnePrimary_enforcedByTheDatabase()
            throws Exception {
        String vic = signIn("vic@example.com").access();
        link(vic, "vic.work@example.org");
        String account = "(select account_id from email_identity where email_canonical = 'vic@example.com')";

        List<Integer> statuses = Race.run(12, i -> makePrimary(vic, i % 2 == 0 ? "vic@example.com" : "vic.work@example.org")
                .status());

        assertThat(statuses).containsOnly(200);
        assertThat(server.count("select count(*) from email_identity where is_primary and account_id = " + account))
                .isEqualTo(1);
        assertThat(emails(vic)).hasSize(2).filteredOn(e -> e.endsWith("true true")).hasSize(1);
        // The database refuses a second primary even when the code is bypassed.
        assertThatThrownBy(() -> server.database.execute("update email_identity set is_primary = true,"
                + " primary_of = account_id where account_id = " + account)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.database.execute("update email_identity set is_primary = true"
                + " where not is_primary and account_id = " + account)).isInstanceOf(IllegalStateException.class);
        assertThat(server.count("select count(*) from email_identity where is_primary and account_id = " + account))
                .isEqualTo(1);
    }

    @Test
    void confirmationMailAndPage_nameTheRequesterMasked_andSayWhatConfirmingDoes_andItsPrimaryIsToldOnceLinked() {
        String wanda = signIn("wanda@example.com").access();

        requestLink(wanda, "xena@example.org");

        MimeMessage mail = server.mailsTo("xena@example.org").get(0);
        assertThat(TestServer.text(mail)).contains("the account w***@example.com asked to add xena@example.org")
                .contains("Confirming lets that account sign in with xena@example.org")
                .doesNotContain("wanda@example.com");
        String token = server.lastTokenMailedTo("xena@example.org");
        Answer page = server.get("/auth/confirm-email?token=" + token, null);
        assertThat(page.body()).contains("The account <strong>w***@example.com</strong> asked to add <strong>xena@example.org</strong>")
                .contains("Confirming lets that account sign in with <strong>xena@example.org</strong>")
                .doesNotContain("wanda@example.com");
        assertPageHeaders(page);
        int toWanda = server.mailsTo("wanda@example.com").size();

        assertThat(server.postForm("/auth/confirm-email", "token=" + token).status()).isEqualTo(200);

        List<MimeMessage> told = server.mailsTo("wanda@example.com");
        assertThat(told).hasSize(toWanda + 1);
        assertThat(subject(told.get(told.size() - 1))).isEqualTo("An email address was linked to your account");
        assertThat(TestServer.text(told.get(told.size() - 1))).contains("xena@example.org was confirmed and linked");
    }

    @Test
    void makePrimary_whenTheUndoMailCannotBeSent_is503_andTheChangeDoesNotStand() {
        try (TestServer own = TestServer.start(database)) {
            Answer verified = own.signIn("yara@example.com");
            String yara = verified.json().get("access_token").asText();
            own.postJson("/api/auth/request-email-confirmation", "{\"email\":\"yara.work@example.org\"}", yara);
            assertThat(own.postJson("/api/auth/confirm-email",
                    "{\"token\":\"" + own.lastTokenMailedTo("yara.work@example.org") + "\"}").status()).isEqualTo(200);
            own.smtp.stop();

            Answer refused = own.postJson("/api/auth/emails/primary", "{\"email\":\"yara.work@example.org\"}", yara);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(own.get("/api/auth/me", yara).json().get("emails").get(0).get("email").asText())
                    .isEqualTo("yara@example.com");
            assertThat(own.count("select count(*) from primary_undo")).as("no undo link left behind").isZero();
        }
    }

    @Test
    void undo_postedToTheLinkItself_withTheTokenInItsQuery_acts_butNotWithASecondTokenInTheForm() {
        String quinn = signIn("quinn@example.com").access();
        link(quinn, "quinn.work@example.org");
        assertThat(makePrimary(quinn, "quinn.work@example.org").status()).isEqualTo(200);
        String undo = server.lastTokenMailedTo("quinn@example.com");

        Answer twoTokens = server.postForm("/auth/undo?token=" + undo, "token=" + "A".repeat(43));
        Answer posted = server.postForm("/auth/undo?token=" + undo, "");

        assertThat(twoTokens.status()).as("a made-up link: two tokens").isEqualTo(400);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.body()).contains("<strong>quinn@example.com</strong> is your account's primary address again");
    }

    @Test
    void undo_badTokens_getThe400Page_andAreLimitedLikeEveryTokenRoute() {
        Answer missing = server.get("/auth/undo", null);
        Answer unknown = server.postForm("/auth/undo", "token=" + "A".repeat(43));
        Answer malformed = server.postForm("/auth/undo", "token=%3Cscript%3E");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo(unknown.body()).doesNotContain("<script>");
        assertPageHeaders(unknown);
    }
}
