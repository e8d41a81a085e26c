// Parley invitations in the customer portal: when an invitation event arrives (live.js), the notice is brought up to
// date from the server (its content only, so the polite live region stays the same node and focus stays where it is);
// the chat an accepted invitation opens is the portal's chat page (contact.js). A customer's request page follows its
// request the same way and opens the chat when the agent accepts.
(function () {
  'use strict';
  if (!window.fetch) { return; }
  function refresh(id) {
    var region = document.getElementById(id);
    var holder = id === 'chat-messages' ? document.getElementById('customer-chat') : region;
    if (!region || !holder) { return; }
    fetch(holder.getAttribute('data-url'), { credentials: 'same-origin' }).then(function (r) { return r.text(); })
      .then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        var fresh = template.content.getElementById ? template.content.getElementById(id) : template.content.querySelector('#' + id);
        if (fresh && region.innerHTML !== fresh.innerHTML) { region.innerHTML = fresh.innerHTML; }
      });
  }
  function whenLive(setup) {
    if (window.ParleyLive) { setup(window.ParleyLive); return; }
    document.addEventListener('DOMContentLoaded', function () { if (window.ParleyLive) { setup(window.ParleyLive); } });
  }
  // a customer's request for a named agent: its state (a polite live region) and its choices are brought up to date
  // from the server; focus stays on the control that had it; an accepted request opens its chat
  function refreshAsk() {
    var holder = document.getElementById('ask-status');
    if (!holder) { return; }
    fetch(holder.getAttribute('data-url'), { credentials: 'same-origin' }).then(function (r) { return r.text(); })
      .then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        var fresh = template.content.querySelector('#ask-status');
        if (!fresh) { return; }
        holder.setAttribute('data-state', fresh.getAttribute('data-state'));
        ['ask-state', 'ask-actions'].forEach(function (id) {
          var region = document.getElementById(id), part = fresh.querySelector('#' + id);
          if (!region || !part || region.innerHTML === part.innerHTML) { return; }
          var focused = region.contains(document.activeElement) ? document.activeElement.id : null;
          region.innerHTML = part.innerHTML;
          var again = focused && document.getElementById(focused);
          if (again) { again.focus(); }
        });
      });
  }
  whenLive(function (live) {
    var ask = document.getElementById('ask-status');
    if (ask) {
      live.on('invitation', function (data) {
        if (data.id !== ask.getAttribute('data-id')) { return; }
        if (data.state === 'accepted' && data.interaction) {
          window.location.assign(ask.getAttribute('data-contact') + data.interaction);
          return;
        }
        refreshAsk();
      });
      live.onOpen(refreshAsk);
      setInterval(refreshAsk, 20000);
    }
    if (document.getElementById('invitation-notice')) {
      live.on('invitation', function () { refresh('invitation-notice'); });
      live.onOpen(function () { refresh('invitation-notice'); });
    }
    var card = document.getElementById('invitations-card');
    if (card) {
      // the workstation: the card follows invitation events; what changed is announced politely
      live.on('invitation', function () {
        fetch(card.getAttribute('data-url'), { credentials: 'same-origin' }).then(function (r) { return r.text(); })
          .then(function (html) {
            var template = document.createElement('template');
            template.innerHTML = html;
            var fresh = template.content.querySelector('#invitations-card');
            var old = document.getElementById('invitations-card');
            if (!fresh || !old) { return; }
            // what the agent's own last action said stays until their next action
            var oldStatus = old.querySelector('[role=status]');
            var freshStatus = fresh.querySelector('[role=status]');
            if (oldStatus && freshStatus) { freshStatus.innerHTML = oldStatus.innerHTML; }
            var list = fresh.querySelector('.invitation-list');
            var form = old.querySelector('#invite-form');
            var keep = form && form.contains(document.activeElement);
            if (keep) {
              var oldList = old.querySelector('.invitation-list, .invitation-list + p, h3 + p');
              var freshList = list || fresh.querySelector('h3 + p');
              if (oldList && freshList) { oldList.replaceWith(freshList); }
            } else {
              old.replaceWith(fresh);
            }
            var said = fresh.querySelector('#invitations-announce');
            var region = document.getElementById('invitations-announce');
            if (said && region && said.textContent) { region.textContent = said.textContent; }
          });
      });
    }
  });
})();
