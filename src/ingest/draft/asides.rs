//! Growth and parts set aside while a clause is drafted, placed on the item they belong to: the
//! figure before them, the figures a 分别 lists in order, or an item of their own when the report
//! states no base (固定资产投资同比增长20.1%).

use super::{label, Amount, DraftItem, DraftKind, Drafter, Reason, Review, Sentence};

impl Drafter<'_> {
    /// Places the clause's growth and parts.
    pub(super) fn asides(&mut self, s: &Sentence, cs: usize, ce: usize) {
        let respective = self.respective(s, cs, ce);
        // A growth or a part belongs to the figure before it in the sentence: the last item drafted.
        let asides = std::mem::take(&mut self.asides);
        for (k, (part, a, threshold)) in asides.into_iter().enumerate() {
            if let Some(slot) = respective.as_ref().and_then(|r| r.get(k)) {
                match slot {
                    Slot::Item(i) => self.items[*i].growth.push(a),
                    Slot::Own(name) => self.growth_item(s, cs, ce, a, Some(name.clone())),
                }
                continue;
            }
            let own = !part && self.own_growth(s, cs, &a);
            if let Some(i) = (!part && !own).then(|| self.changed_item(s)).flatten() {
                self.items[i].growth.push(a);
                continue;
            }
            match self.items.last_mut().filter(|i| i.source.1 >= s.span.1) {
                Some(item) if part => {
                    if let Some(t) = threshold {
                        item.thresholds.push((a.start, t));
                    }
                    item.parts.push(a);
                }
                Some(item) if !own => item.growth.push(a),
                _ if part => self.review.push(Review {
                    sentence: s.text.into(),
                    reason: Reason::Part(s.text[cs..ce].trim().into()),
                }),
                _ => self.growth_item(s, cs, ce, a, None),
            }
        }
    }

    /// When the last item is a change told in the unit of an earlier item of the sentence
    /// (新落户企业839户,…,比去年同期增加563户,同比增长204%): that earlier item, whose growth it is.
    fn changed_item(&self, s: &Sentence) -> Option<usize> {
        let last = self.items.last().filter(|i| i.source == s.span)?;
        let l = last.label.as_str();
        let change = ["比", "较", "同比"].iter().any(|w| l.starts_with(w))
            && ["增加", "减少", "新增"].iter().any(|w| l.ends_with(w));
        let unit = &last.figures.first()?.amount.unit;
        let n = self.items.len() - 1;
        (0..n)
            .rev()
            .take_while(|&i| self.items[i].source == s.span)
            .find(|&i| {
                change
                    && self.items[i]
                        .figures
                        .first()
                        .is_some_and(|f| &f.amount.unit == unit)
            })
    }

    /// True when a growth's clause names what grew (固定资产投资同比增长20.1%) and no figure of the
    /// clause is its base: the growth is a figure of its own, without a base.
    fn own_growth(&self, s: &Sentence, cs: usize, g: &Amount) -> bool {
        let before = &s.text[cs..g.start];
        let has_base = s
            .found
            .iter()
            .any(|a| a.start >= cs && a.end <= g.start && a.growth.is_none() && !a.is_rate());
        let words = before
            .replace(
                [
                    '同', '比', '环', '较', '上', '年', '去', '增', '长', '下', '降', '幅', '速',
                ],
                "",
            )
            .replace(
                [
                    '加', '减', '少', '提', '高', '升', '涨', '低', '滑', '了', '分', '别', '为',
                ],
                "",
            );
        !has_base && words.trim().chars().count() >= 2
    }

    /// A growth whose base the report does not state (固定资产投资同比增长20.1%): an item of its own.
    fn growth_item(&mut self, s: &Sentence, cs: usize, ce: usize, g: Amount, name: Option<String>) {
        let clause = &s.text[cs..ce];
        let (l, sure) = label(clause, g.start - cs, g.end - cs, None);
        let sure = name.is_some() || sure;
        let l = name.unwrap_or_else(|| strip_growth_words(&l));
        self.items.push(DraftItem {
            label: l.clone(),
            sure: sure && !l.is_empty(),
            source: s.span,
            figures: Vec::new(),
            kind: DraftKind::Quantity,
            deadline: None,
            firmness: self
                .target
                .then(|| crate::ingest::words::firmness(clause))
                .flatten(),
            target: self.target,
            growth: vec![g],
            parts: Vec::new(),
            thresholds: Vec::new(),
        });
    }
}

/// Where the k-th growth of a 分别 clause goes.
enum Slot {
    /// The item drafted earlier in the sentence.
    Item(usize),
    /// An item of its own with this name (城镇和农村居民人均可支配收入分别增长6%、9% → 城镇居民…).
    Own(String),
}

impl Drafter<'_> {
    /// The places of the growths of a 分别 clause (同比分别-6.2%、-19.3%): the figures before them
    /// in order, one item each; or, with no figures before, the names the subject lists.
    fn respective(&self, s: &Sentence, cs: usize, ce: usize) -> Option<Vec<Slot>> {
        let clause = &s.text[cs..ce];
        let at = clause.find("分别").or_else(|| self.joined_growths(s, cs))?;
        let growths = self.asides.len();
        if growths < 2 || self.asides.iter().any(|(part, _, _)| *part) {
            return None;
        }
        let items: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.items[i].source == s.span && !self.items[i].figures.is_empty())
            .collect();
        if items.len() >= growths {
            let from = items.len() - growths;
            return Some(items[from..].iter().map(|&i| Slot::Item(i)).collect());
        }
        let names = listed_names(clause[..at].trim());
        (names.len() == growths).then(|| names.into_iter().map(Slot::Own).collect())
    }
}

impl Drafter<'_> {
    /// For growths joined by 和 or 、 without 分别 (本科上线率和强基上线率同比提升7.12%和13.86%): where
    /// the subject ends (its 同比, or the first growth), relative to the clause.
    fn joined_growths(&self, s: &Sentence, cs: usize) -> Option<usize> {
        let g: Vec<&Amount> = self.asides.iter().map(|(_, a, _)| a).collect();
        let joined = g.len() >= 2
            && g.windows(2)
                .all(|w| ["和", "、", "及"].contains(&s.text[w[0].end..w[1].start].trim()));
        if !joined {
            return None;
        }
        let before = &s.text[cs..g[0].start];
        ["同比", "环比", "比上年", "较上年", "比去年", "较去年"]
            .iter()
            .find_map(|w| before.find(w))
            .or(Some(before.len()))
    }
}

/// The names a subject lists with 和/与/及, each completed with the shared tail (城镇和农村居民人均可
/// 支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入).
pub(super) fn listed_names(subject: &str) -> Vec<String> {
    let Some((a, b)) = subject
        .split_once('和')
        .or_else(|| subject.split_once('与'))
        .or_else(|| subject.split_once('及'))
    else {
        return Vec::new();
    };
    let (na, nb) = (a.chars().count(), b.chars().count());
    if na == 0 || nb == 0 {
        return Vec::new();
    }
    // 本科上线率和强基上线率: two whole names.
    if nb <= na {
        return vec![a.to_string(), b.to_string()];
    }
    let tail: String = b.chars().skip(na).collect();
    vec![format!("{a}{tail}"), b.to_string()]
}

/// A growth-only label without its verb (固定资产投资同比增长 → 固定资产投资).
pub(crate) fn strip_growth_words(l: &str) -> String {
    let mut s = l.trim_end_matches(['了']).to_string();
    for w in [
        "增长", "增加", "提高", "提升", "上升", "上涨", "下降", "减少", "降低", "下滑", "增幅",
        "增速", "降幅",
    ] {
        if let Some(t) = s.strip_suffix(w) {
            s = t.to_string();
            break;
        }
    }
    for w in ["同比", "环比", "比上年", "较上年", "比去年", "较去年"] {
        if let Some(t) = s.strip_suffix(w) {
            s = t.to_string();
            break;
        }
    }
    s
}
