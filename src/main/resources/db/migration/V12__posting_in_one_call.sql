-- Creating a post in one call on the request's own transaction (PostCreation.java): the checks
-- and the insert that took a dozen Hibernate round trips — the caller's badge, the fair, its
-- phase, the category, the author and their entity, the post's id, the insert. During a
-- reconnect storm every round trip waits behind the storm's work on the app's event loops, so a
-- post is answered sooner with fewer of them. The checks and their order are PostService's; a
-- refusal is returned as {"error": code, ...} and changes nothing.
-- Returns the new post's id and its entity's name and sector (the rest the caller passed).

-- Post ids now come from the column default (as signature ids since V5), so that this function
-- and Hibernate (IDENTITY) share one sequence without either assuming it owns a block of fifty.
create sequence post_id_seq owned by post.id;
select setval('post_id_seq',
              greatest((select coalesce(max(id), 0) from post),
                       (select last_value from post_seq)) + 100);
alter table post alter column id set default nextval('post_id_seq');
drop sequence post_seq;

create function create_post(
    p_fair bigint, p_caller bigint, p_badge int, p_author bigint, p_helper bigint,
    p_kind varchar, p_category varchar, p_title varchar, p_description varchar,
    p_quantity varchar, p_availability varchar, p_town varchar, p_value numeric,
    p_hours numeric, p_now timestamptz)
returns jsonb
language plpgsql as $$
declare
    v_badge  int;
    v_phase  varchar;
    v_entity bigint;
    v_name   varchar;
    v_sector varchar;
    v_id     bigint;
begin
    select badge_version into v_badge from person where id = p_caller and fair_id = p_fair;
    if v_badge is null or v_badge <> p_badge then
        return jsonb_build_object('error', 'badge-revoked');
    end if;
    select phase into v_phase from fair where id = p_fair;
    if not found then
        return jsonb_build_object('error', 'no-fair');
    end if;
    if v_phase not in ('REGISTRATION', 'LIVE') then
        return jsonb_build_object('error', 'fair-not-open', 'phase', v_phase);
    end if;
    if not exists (select 1 from category where fair_id = p_fair and code = p_category) then
        return jsonb_build_object('error', 'no-category');
    end if;
    select p.entity_id, e.name, e.sector into v_entity, v_name, v_sector
      from person p join entity e on e.id = p.entity_id
     where p.id = p_author and p.fair_id = p_fair;
    if not found then
        return jsonb_build_object('error', 'no-author');
    end if;
    insert into post (fair_id, entity_id, author_id, on_behalf_by, kind, category, title,
                      description, quantity, availability, town, value_pln, hours, status,
                      hidden, version, created_at, updated_at)
    values (p_fair, v_entity, p_author, p_helper, p_kind, p_category, p_title,
            p_description, p_quantity, p_availability, p_town, p_value, p_hours, 'ACTIVE',
            false, 0, p_now, p_now)
    returning id into v_id;
    return jsonb_build_object('id', v_id, 'entityId', v_entity, 'entityName', v_name,
                              'sector', v_sector);
end
$$;
